import { BadInputError } from '../errors.js';
import { Escalator } from '../escalation/escalator.js';
import type { Severity } from '../escalation/serviceRequest.js';
import { ServiceRequestOutbox, type OutboxEntry, type OutboxState } from '../escalation/serviceRequestOutbox.js';
import type { CustomerDirectory } from '../directory/customerDirectory.js';
import type { DocumentStore } from '../store/documentStore.js';
import { NotifyingTicketStore } from './notifyingTicketStore.js';
import { PendingNotifications } from './pendingNotifications.js';
import { queueStatusChange } from './statusNotifications.js';
import { TicketNotFoundError, normaliseTicketId } from './ticketId.js';
import type { Ticket, TicketStatus, TicketStore } from './types.js';

/** A ticket with its Partner Center outbox entry, when it has one (secrets never stored there). */
export interface TicketView {
  readonly ticket: Ticket;
  readonly outbox?: Pick<OutboxEntry, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'partnerCenterId' | 'requestId'>;
}

/** The reseller's ticket operations, as `npm run tickets` does them on the store. */
export interface TicketDesk {
  show(id: string): Promise<TicketView>;
  update(id: string, change: { status?: TicketStatus; note?: string }): Promise<Ticket>;
  escalate(
    id: string,
    options: { note?: string; severity?: Severity },
  ): Promise<{ reseller: Ticket; serviceRequest: Ticket; state: OutboxState }>;
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
      return {
        ticket,
        outbox: { state, attempts, nextAttemptAt, requestId, ...(lastError && { lastError }), ...(partnerCenterId && { partnerCenterId }) },
      };
    },
    update(id, change) {
      if (change.status === undefined && !change.note) return Promise.reject(new BadInputError('Give a --status and/or a --note'));
      return deps.tickets.update(idOf(id), {
        by: 'reseller',
        ...(change.status && { status: change.status }),
        ...(change.note && { note: change.note }),
      });
    },
    async escalate(id, options) {
      const result = await deps.escalator.escalate(idOf(id), options);
      if (result.state === 'pending') deps.afterEscalate?.(result.serviceRequest.id);
      return result;
    },
  };
}

/**
 * The desk as the console has it: status changes are queued in the store for the running bot to tell the
 * customer, and escalations wait in the outbox for its Partner Center drain (or the reseller, by hand).
 */
export function consoleDesk(parts: {
  readonly outboxStore: DocumentStore;
  readonly tickets: TicketStore;
  readonly directory: CustomerDirectory;
  readonly partnerCenterConfigured: boolean;
}): TicketDesk {
  const outbox = new ServiceRequestOutbox(parts.outboxStore);
  const tickets = new NotifyingTicketStore(parts.tickets, queueStatusChange(new PendingNotifications(parts.outboxStore)));
  const escalator = new Escalator({ tickets, outbox, submits: parts.partnerCenterConfigured, directory: parts.directory });
  return createTicketDesk({ tickets, escalator, outbox });
}
