import { parseArgs } from 'node:util';
import { BadInputError } from '../errors.js';
import { isSeverity, type Severity } from '../escalation/serviceRequest.js';
import { printable } from '../text/printable.js';
import { isTicketStatus, TICKET_STATUSES } from './lifecycle.js';
import type { TicketDesk } from './ticketDesk.js';
import type { Ticket, TicketStatus, TicketStore } from './types.js';

export const USAGE = [
  'usage: npm run --silent tickets -- <command>',
  '  list [--json]                                   every ticket (JSON: [{"id","kind","status","customer","title","createdAt",...}])',
  '  show ID                                         one ticket with its history and Partner Center outbox state',
  `  update ID [--status S] [--note "..."]           S: ${TICKET_STATUSES.join(', ')}; the customer is notified of a status change`,
  '  escalate ID [--severity A|B|C] [--note "..."]   hand a reseller ticket to 21Vianet (default severity B)',
].join('\n');

export interface TicketCommand {
  readonly action: 'list' | 'show' | 'update' | 'escalate';
  readonly id?: string;
  readonly status?: TicketStatus;
  readonly note?: string;
  readonly severity?: Severity;
  readonly json: boolean;
}

const ACTIONS = ['list', 'show', 'update', 'escalate'] as const;
const isAction = (a: unknown): a is TicketCommand['action'] => (ACTIONS as readonly unknown[]).includes(a);

/** Parses the console's arguments strictly; a BadInputError carries the message for the user. */
export function parseTicketArgs(args: readonly string[]): TicketCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    throw new BadInputError(`${(err as Error).message}\n${USAGE}`, { cause: err });
  }
  const [action, id, ...extra] = parsed.positionals;
  if (!isAction(action)) throw new BadInputError(USAGE);
  if (action !== 'list' && !id) throw new BadInputError(`tickets ${action} needs a ticket id, e.g. T-1024`);
  if (extra.length > 0 || (action === 'list' && id))
    throw new BadInputError(`Unexpected ${[id, ...extra].filter(Boolean).join(' ')} (quote a note with spaces: --note "...")`);
  const { status, note, severity, json } = parsed.values;
  if (status !== undefined && !isTicketStatus(status))
    throw new BadInputError(`Unknown status "${status}"; use ${TICKET_STATUSES.join(', ')}`);
  if (severity !== undefined && !isSeverity(severity.toUpperCase())) throw new BadInputError('--severity must be A, B or C');
  if (action === 'update' && status === undefined && !note) throw new BadInputError('tickets update needs --status and/or --note');
  return {
    action,
    json: json === true,
    ...(id && { id }),
    ...(status !== undefined && isTicketStatus(status) && { status }),
    ...(note && { note }),
    ...(severity !== undefined && { severity: severity.toUpperCase() as Severity }),
  };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean' }, status: { type: 'string' }, note: { type: 'string' }, severity: { type: 'string' } },
  });
}

const line = (t: Ticket) =>
  `${t.id}  ${t.kind.padEnd(8)}  ${t.status.padEnd(19)}  ${printable(t.customer ?? '-').padEnd(12)}  ${t.createdAt}  ${printable(t.title)}`;
const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/**
 * Runs one console command on the store, whether or not a bot is running on it: changes are
 * compare-and-swap writes, and a status change is queued in the store for the bot (this one or the
 * next to start) to tell the customer.
 */
export async function runTicketCommand(cmd: TicketCommand, tickets: TicketStore, desk: TicketDesk): Promise<string> {
  if (cmd.action === 'list') {
    const all = await tickets.list();
    return cmd.json ? pretty(all) : all.map(line).join('\n');
  }
  const id = cmd.id!;
  if (cmd.action === 'show') return pretty(await desk.show(id));
  if (cmd.action === 'update')
    return pretty(await desk.update(id, { ...(cmd.status && { status: cmd.status }), ...(cmd.note && { note: cmd.note }) }));
  return pretty(await desk.escalate(id, { ...(cmd.note && { note: cmd.note }), ...(cmd.severity && { severity: cmd.severity }) }));
}
