import type { Ticket, TicketStatus, TicketStore } from './types.js';

/** The reseller console's operations, shared by the CLI (no bot running) and the bot's admin endpoint. */
export async function escalateTicket(store: TicketStore, id: string, note?: string): Promise<{ reseller: Ticket; serviceRequest: Ticket }> {
  const original = await store.get(id);
  if (!original) throw new RangeError(`No ticket ${id}`);
  if (original.kind !== 'reseller') throw new RangeError(`${original.id} is already a 21Vianet service request`);
  const serviceRequest = await store.create({
    kind: '21vianet',
    category: 'service_request',
    ...(original.customer !== undefined && { customer: original.customer }),
    title: original.title,
    summary: original.summary,
    locale: original.locale,
    details: { ...original.details, escalatedFrom: original.id },
  });
  await store.update(serviceRequest.id, { by: 'reseller', links: { escalatedFrom: original.id }, ...(note && { note }) });
  const reseller = await store.update(original.id, { status: 'escalated', by: 'reseller', links: { escalatedTo: serviceRequest.id }, note: note ?? `Escalated to 21Vianet as ${serviceRequest.id}` });
  return { reseller, serviceRequest: (await store.get(serviceRequest.id))! };
}

export interface TicketCommand {
  readonly action: 'list' | 'show' | 'update' | 'escalate';
  readonly id?: string;
  readonly status?: TicketStatus;
  readonly note?: string;
  readonly json: boolean;
}

export function parseTicketArgs(args: readonly string[]): TicketCommand {
  const [action, ...rest] = args;
  const flag = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const id = rest.find((a, i) => !a.startsWith('--') && !(i > 0 && rest[i - 1]!.startsWith('--')));
  if (action !== 'list' && action !== 'show' && action !== 'update' && action !== 'escalate') {
    throw new RangeError('usage: tickets list [--json] | show ID | update ID --status STATUS [--note TEXT] | escalate ID [--note TEXT]');
  }
  if (action !== 'list' && !id) throw new RangeError(`tickets ${action} needs a ticket id, e.g. T-1024`);
  const status = flag('status') as TicketStatus | undefined;
  if (action === 'update' && !status && !flag('note')) throw new RangeError('tickets update needs --status and/or --note');
  const note = flag('note');
  return { action, json: rest.includes('--json'), ...(id && { id }), ...(status && { status }), ...(note && { note }) };
}
