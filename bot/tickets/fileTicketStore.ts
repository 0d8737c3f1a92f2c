import { Low } from 'lowdb';
import { KeyedQueue } from '../keyedQueue.js';
import { DurableJsonAdapter } from '../storage/durableJsonAdapter.js';
import { assertTransition, isTicketStatus, TICKET_STATUSES } from './lifecycle.js';
import { cleanNewTicket, cleanNote } from './cleanText.js';
import type { NewTicket, Ticket, TicketHistoryEntry, TicketKind, TicketStatus, TicketStore } from './types.js';

interface TicketFile {
  nextNumber: number;
  tickets: Ticket[];
}

export class TicketNotFoundError extends Error {
  override readonly name = 'TicketNotFoundError';
  constructor(readonly id: string) {
    super(`No ticket ${id}`);
  }
}

/** Normalises "t-1024", "#1024" or "1024" to "T-1024". */
export function normaliseTicketId(raw: string): string | undefined {
  const m = /^(?:t-?|#)?(\d{3,8})$/i.exec(raw.trim());
  return m ? `T-${m[1]}` : undefined;
}

/**
 * Tickets in DATA_DIR/tickets.json (lowdb, durable writes). `create` resolves only after the ticket
 * is on disk, so a ticket the bot confirmed to a customer survives a crash. One writer at a time.
 */
export class FileTicketStore implements TicketStore {
  private readonly queue = new KeyedQueue();

  private constructor(
    private readonly db: Low<TicketFile>,
    private readonly now: () => Date,
  ) {}

  static async open(file: string, now: () => Date = () => new Date()): Promise<FileTicketStore> {
    const db = new Low<TicketFile>(new DurableJsonAdapter<TicketFile>(file), { nextNumber: 1001, tickets: [] });
    await db.read();
    return new FileTicketStore(db, now);
  }

  create(ticket: NewTicket): Promise<Ticket> {
    return this.change(() => {
      const at = this.now().toISOString();
      const created: Ticket = { ...cleanNewTicket(ticket), id: `T-${this.db.data.nextNumber++}`, status: 'open', createdAt: at, updatedAt: at, history: [{ at, status: 'open', by: 'bot' }] };
      this.db.data.tickets.push(created);
      return created;
    });
  }

  async get(id: string): Promise<Ticket | undefined> {
    const normalised = normaliseTicketId(id);
    return this.db.data.tickets.find((t) => t.id === normalised);
  }

  async list(filter: { customer?: string; kind?: TicketKind; status?: TicketStatus } = {}): Promise<Ticket[]> {
    return this.db.data.tickets.filter(
      (t) => (filter.customer === undefined || t.customer === filter.customer) && (!filter.kind || t.kind === filter.kind) && (!filter.status || t.status === filter.status),
    );
  }

  update(id: string, change: { status?: TicketStatus; note?: string; by: TicketHistoryEntry['by']; links?: Ticket['links'] }): Promise<Ticket> {
    if (change.status !== undefined && !isTicketStatus(change.status)) return Promise.reject(new RangeError(`Unknown status "${String(change.status)}"; use ${TICKET_STATUSES.join(', ')}`));
    return this.change(() => {
      const normalised = normaliseTicketId(id);
      const i = this.db.data.tickets.findIndex((t) => t.id === normalised);
      if (i < 0) throw new TicketNotFoundError(id);
      const old = this.db.data.tickets[i]!;
      const at = this.now().toISOString();
      const status = change.status ?? old.status;
      assertTransition(old.id, old.status, status);
      const entry: TicketHistoryEntry = { at, status, by: change.by, ...(change.note && { note: cleanNote(change.note) }) };
      const updated: Ticket = { ...old, status, updatedAt: at, history: [...old.history, entry], ...(change.links && { links: { ...old.links, ...change.links } }) };
      this.db.data.tickets[i] = updated;
      return updated;
    });
  }

  /** Retention: every ticket `pick` chooses is replaced by what `scrub` makes of it; returns how many changed. */
  async rewriteWhere(pick: (t: Ticket) => boolean, scrub: (t: Ticket) => Ticket): Promise<number> {
    if (!this.db.data.tickets.some(pick)) return 0; // nothing to do: no rewrite of the file
    return this.change(() => {
      let changed = 0;
      this.db.data.tickets = this.db.data.tickets.map((t) => (pick(t) ? (changed++, scrub(t)) : t));
      return changed;
    });
  }

  private change<T>(fn: () => T): Promise<T> {
    return this.queue.run('tickets', async () => {
      const before = structuredClone(this.db.data);
      const result = fn();
      try {
        await this.db.write();
      } catch (err) {
        this.db.data = before; // not on disk, so not acknowledged: forget it
        throw err;
      }
      return result;
    });
  }
}
