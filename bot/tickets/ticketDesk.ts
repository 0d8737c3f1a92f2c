import type { Escalator } from '../escalation/escalator.js';
import type { Severity } from '../escalation/serviceRequest.js';
import type { OutboxEntry, OutboxState, ServiceRequestOutbox } from '../escalation/serviceRequestOutbox.js';
import { TicketNotFoundError, normaliseTicketId } from './fileTicketStore.js';
import type { Ticket, TicketStatus, TicketStore } from './types.js';

/** A ticket with its Partner Center outbox entry, when it has one (secrets never stored there). */
export interface TicketView {
  readonly ticket: Ticket;
  readonly outbox?: Pick<OutboxEntry, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'partnerCenterId' | 'requestId'>;
}

/**
 * The reseller's ticket operations, the same whether the console works on the files (no bot running)
 * or the running bot does them for it through the admin endpoint.
 */
export interface TicketDesk {
  show(id: string): Promise<TicketView>;
  update(id: string, change: { status?: TicketStatus; note?: string }): Promise<Ticket>;
  escalate(id: string, options: { note?: string; severity?: Severity }): Promise<{ reseller: Ticket; serviceRequest: Ticket; state: OutboxState }>;
}

export function createTicketDesk(deps: {
  /** Status changes through this store notify the customer (see NotifyingTicketStore). */
  readonly tickets: TicketStore;
  readonly escalator: Escalator;
  readonly outbox: ServiceRequestOutbox;
  /** After an escalation was queued for Partner Center, e.g. to submit it at once. */
  readonly afterEscalate?: (serviceRequestTicketId: string) => void;
}): TicketDesk {
  const idOf = (id: string) => normaliseTicketId(id) ?? id;
  return {
    async show(id) {
      const ticket = await deps.tickets.get(idOf(id));
      if (!ticket) throw new TicketNotFoundError(id);
      const entry = await deps.outbox.get(ticket.id);
      if (!entry) return { ticket };
      const { state, attempts, nextAttemptAt, lastError, partnerCenterId, requestId } = entry;
      return { ticket, outbox: { state, attempts, nextAttemptAt, requestId, ...(lastError && { lastError }), ...(partnerCenterId && { partnerCenterId }) } };
    },
    update(id, change) {
      if (change.status === undefined && !change.note) return Promise.reject(new RangeError('Give a --status and/or a --note'));
      return deps.tickets.update(idOf(id), { by: 'reseller', ...(change.status && { status: change.status }), ...(change.note && { note: change.note }) });
    },
    async escalate(id, options) {
      const result = await deps.escalator.escalate(idOf(id), options);
      if (result.state === 'pending') deps.afterEscalate?.(result.serviceRequest.id);
      return result;
    },
  };
}
