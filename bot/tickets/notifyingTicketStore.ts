import type { NewTicket, Ticket, TicketKind, TicketStatus, TicketStore } from './types.js';

/** Called after a ticket's status changed, with the note that came with the change. */
export type StatusChangeListener = (ticket: Ticket, note: string | undefined) => Promise<void>;

/**
 * A TicketStore that reports status changes (the reseller's console, the admin route) so the customer
 * can be told. The change is stored first; a failing listener never undoes or fails it.
 */
export class NotifyingTicketStore implements TicketStore {
  constructor(
    private readonly inner: TicketStore,
    private readonly onStatusChange: StatusChangeListener,
    private readonly onListenerError: (err: unknown, ticket: Ticket) => void = () => {},
  ) {}

  create(ticket: NewTicket): Promise<Ticket> {
    return this.inner.create(ticket);
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.inner.get(id);
  }

  list(filter?: { customer?: string; kind?: TicketKind; status?: TicketStatus }): Promise<Ticket[]> {
    return this.inner.list(filter);
  }

  recent(count: number): Promise<Ticket[]> {
    return this.inner.recent(count);
  }

  async update(id: string, change: Parameters<TicketStore['update']>[1]): Promise<Ticket> {
    const before = await this.inner.get(id);
    const updated = await this.inner.update(id, change);
    if (before && before.status !== updated.status && change.by !== 'customer') {
      await this.onStatusChange(updated, change.note).catch((err: unknown) => this.onListenerError(err, updated));
    }
    return updated;
  }
}
