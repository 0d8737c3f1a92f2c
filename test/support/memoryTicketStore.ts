import { writeFileAtomically } from '../../bot/store/jsonFileAdapter.js';
import type { NewTicket, Ticket, TicketKind, TicketStatus, TicketStore } from '../../bot/tickets/types.js';

/**
 * TicketStore for dialog tests: ids T-1001, T-1002 …; with `file`, every change is also written durably
 * there so tests can check what is on disk. `failNext` makes the next create fail like a full disk.
 */
export class MemoryTicketStore implements TicketStore {
  readonly tickets: Ticket[] = [];
  failNext = false;
  private next = 1001;

  constructor(
    private readonly file?: string,
    private readonly now: () => Date = () => new Date('2026-11-23T08:00:00Z'),
  ) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full', { cause: new Error('ENOSPC') });
    }
    const at = this.now().toISOString();
    const created: Ticket = {
      ...ticket,
      id: `T-${this.next++}`,
      status: 'open',
      createdAt: at,
      updatedAt: at,
      history: [{ at, status: 'open', by: 'bot' }],
    };
    this.tickets.push(created);
    await this.persist();
    return created;
  }

  async get(id: string): Promise<Ticket | undefined> {
    return this.tickets.find((t) => t.id === id);
  }

  async list(filter: { customer?: string; kind?: TicketKind; status?: TicketStatus } = {}): Promise<Ticket[]> {
    return this.tickets.filter(
      (t) =>
        (!filter.customer || t.customer === filter.customer) &&
        (!filter.kind || t.kind === filter.kind) &&
        (!filter.status || t.status === filter.status),
    );
  }

  async recent(count: number): Promise<Ticket[]> {
    return [...this.tickets].reverse().slice(0, count);
  }

  async update(
    id: string,
    change: { status?: TicketStatus; note?: string; by: 'bot' | 'reseller' | 'customer' | '21vianet'; links?: Ticket['links'] },
  ): Promise<Ticket> {
    const i = this.tickets.findIndex((t) => t.id === id);
    if (i < 0) throw new Error(`no ticket ${id}`);
    const old = this.tickets[i]!;
    const at = this.now().toISOString();
    const status = change.status ?? old.status;
    const updated: Ticket = {
      ...old,
      status,
      updatedAt: at,
      history: [...old.history, { at, status, by: change.by, ...(change.note && { note: change.note }) }],
      ...(change.links && { links: { ...old.links, ...change.links } }),
    };
    this.tickets[i] = updated;
    await this.persist();
    return updated;
  }

  private async persist(): Promise<void> {
    if (this.file) await writeFileAtomically(this.file, JSON.stringify({ tickets: this.tickets }), { durable: true });
  }
}
