import { BadInputError } from '../errors.js';
import { randomUUID } from 'node:crypto';
import type { CustomerDirectory } from '../directory/customerDirectory.js';
import { messages } from '../i18n/messages.js';
import type { Locale } from '../i18n/locale.js';
import { normaliseTicketId } from '../tickets/ticketId.js';
import type { NewTicket, Ticket, TicketStore } from '../tickets/types.js';
import type { Recipient } from '../proactive/notifier.js';
import { isSeverity, type ServiceRequestDraft, type Severity } from './serviceRequest.js';
import type { OutboxState, ServiceRequestOutbox } from './serviceRequestOutbox.js';

export interface EscalatorDeps {
  readonly tickets: TicketStore;
  readonly outbox: ServiceRequestOutbox;
  /** Whether Partner Center is configured: entries are then `pending` for the submitter, else `manual`. */
  readonly submits: boolean;
  /** For the contact and tenant when escalating a ticket that lacks them. */
  readonly directory?: Pick<CustomerDirectory, 'customerById' | 'reseller'>;
  readonly now?: () => Date;
  readonly newRequestId?: () => string;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Tier 2: turns a problem into a `21vianet` ticket plus an outbox entry for Partner Center, either from
 * the report_problem dialog or from a reseller ticket (`npm run tickets -- escalate ID`), linking both.
 */
export class Escalator {
  constructor(private readonly deps: EscalatorDeps) {}

  /** A new service request. Resolves once the ticket and the outbox entry are durable. */
  async report(
    draft: ServiceRequestDraft,
    options: { customer?: string; locale: Locale; requester?: Recipient },
  ): Promise<{ ticket: Ticket; state: OutboxState }> {
    const ticket = await this.deps.tickets.create({
      kind: '21vianet',
      category: 'service_request',
      ...(options.customer !== undefined && { customer: options.customer }),
      title: draft.title,
      summary: {
        'zh-CN': messages('zh-CN').escalation.report.ticketSummary(draft),
        en: messages('en').escalation.report.ticketSummary(draft),
      },
      locale: options.locale,
      ...(options.requester && { requester: options.requester }),
      details: { ...draft },
    } satisfies NewTicket);
    const state = await this.enqueue(ticket, draft, options.requester);
    return { ticket, state };
  }

  /** A reseller ticket handed on to 21Vianet: both tickets record the other's id. */
  async escalate(
    id: string,
    options: { note?: string; severity?: Severity } = {},
  ): Promise<{ reseller: Ticket; serviceRequest: Ticket; state: OutboxState }> {
    const original = await this.deps.tickets.get(normaliseTicketId(id) ?? id);
    if (!original) throw new BadInputError(`No ticket ${id}`);
    if (original.kind !== 'reseller') throw new BadInputError(`${original.id} is already a 21Vianet service request`);
    if (original.links?.escalatedTo) throw new BadInputError(`${original.id} was already escalated as ${original.links.escalatedTo}`);
    if (original.status === 'resolved' || original.status === 'closed')
      throw new BadInputError(`${original.id} is ${original.status}; reopen it first (update ${original.id} --status open)`);
    if (options.severity !== undefined && !isSeverity(options.severity)) throw new BadInputError('Severity must be A, B or C');
    const draft = this.draftFrom(original, options.severity ?? 'B');
    const { ticket, state } = await this.report(draft, {
      ...(original.customer !== undefined && { customer: original.customer }),
      locale: original.locale,
      ...(original.requester && { requester: original.requester }),
    });
    await this.deps.tickets.update(ticket.id, {
      by: 'reseller',
      links: { escalatedFrom: original.id },
      note: options.note ?? `Escalated from ${original.id}`,
    });
    const reseller = await this.deps.tickets.update(original.id, {
      status: 'escalated',
      by: 'reseller',
      links: { escalatedTo: ticket.id },
      note: options.note ?? `Escalated to 21Vianet as ${ticket.id}`,
    });
    return { reseller, serviceRequest: (await this.deps.tickets.get(ticket.id))!, state };
  }

  private async enqueue(ticket: Ticket, draft: ServiceRequestDraft, requester: Recipient | undefined): Promise<OutboxState> {
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const state: OutboxState = this.deps.submits ? 'pending' : 'manual';
    await this.deps.outbox.add({
      ticketId: ticket.id,
      draft,
      requestId: (this.deps.newRequestId ?? randomUUID)(),
      state,
      attempts: 0,
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
      ...(requester && { requester }),
    });
    return state;
  }

  /** What a reseller ticket knows, completed from the directory, then the reseller's own desk as contact. */
  private draftFrom(t: Ticket, severity: Severity): ServiceRequestDraft {
    const d = t.details;
    const customer = t.customer ? this.deps.directory?.customerById(t.customer) : undefined;
    const contact =
      customer?.contacts.find((c) => c.email === text(d.contactEmail) || c.email === text(d.contact)) ??
      customer?.contacts.find((c) => c.role === 'admin') ??
      customer?.contacts[0];
    const reseller = this.deps.directory?.reseller();
    const service = text(d.service) ?? 'other';
    return {
      // The customer's own words make a better title than "Asked for a person: …".
      title: (text(d.question) ?? t.title).slice(0, 120),
      description: t.summary.en,
      service,
      severity,
      contactName: text(d.contactName) ?? contact?.name ?? reseller?.name ?? 'Reseller support',
      contactEmail: text(d.contactEmail) ?? contact?.email ?? reseller?.supportEmail ?? '',
      contactPhone: text(d.contactPhone) ?? contact?.phone ?? reseller?.supportPhone ?? '',
      preferredLanguage: t.locale,
      ...(customer && { tenantId: customer.tenantId, company: customer.company, customerId: customer.id }),
      resellerTicketId: t.id,
    };
  }
}
