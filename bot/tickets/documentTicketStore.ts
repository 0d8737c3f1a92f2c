import type { DocumentStore } from '../storage/documentStore.js';
import { updateDocument } from '../storage/updateDocument.js';
import { normaliseTicketId, TicketNotFoundError } from './fileTicketStore.js';
import { cleanNewTicket, cleanNote } from './cleanText.js';
import type { NewTicket, Ticket, TicketHistoryEntry, TicketKind, TicketStatus, TicketStore } from './types.js';

const STATUSES: readonly TicketStatus[] = ['open', 'waiting_on_customer', 'escalated', 'resolved', 'closed'];
const FIRST = 1001;
const COUNTER = 'counter';
const READ_BATCH = 100;

interface Counter extends Record<string, unknown> {
  next: number;
}

/**
 * Tickets on a shared DocumentStore (Azure Blob for several bot instances): one document per ticket
 * and a counter document. A number is taken from the counter with an eTag compare-and-swap, so two
 * instances never hand out the same id; the ticket is then written create-only. The counter is the
 * index: every ticket has a number below it, so listing reads that dense range and skips numbers
 * whose creation never finished (a crash between the two writes), and stays correct under any
 * number of concurrent writers.
 */
export class DocumentTicketStore implements TicketStore {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    const number = await updateDocument<Counter, number>(this.store, COUNTER, (c) => {
      const taken = c?.next ?? FIRST;
      return { value: { next: taken + 1 }, result: taken };
    });
    const at = this.now().toISOString();
    const created: Ticket = { ...cleanNewTicket(ticket), id: `T-${number}`, status: 'open', createdAt: at, updatedAt: at, history: [{ at, status: 'open', by: 'bot' }] };
    await updateDocument<Ticket & Record<string, unknown>, void>(this.store, created.id, (existing) => {
      if (existing) throw new Error(`Ticket number ${created.id} is already in use: the counter document was reset`);
      return { value: created as Ticket & Record<string, unknown>, result: undefined };
    });
    return created;
  }

  async get(id: string): Promise<Ticket | undefined> {
    const normalised = normaliseTicketId(id);
    if (!normalised) return undefined;
    const found = (await this.store.read([normalised]))[normalised];
    return found ? withoutETag(found) : undefined;
  }

  async list(filter: { customer?: string; kind?: TicketKind; status?: TicketStatus } = {}): Promise<Ticket[]> {
    const next = ((await this.store.read([COUNTER]))[COUNTER]?.next as number | undefined) ?? FIRST;
    const out: Ticket[] = [];
    for (let from = FIRST; from < next; from += READ_BATCH) {
      const ids = Array.from({ length: Math.min(READ_BATCH, next - from) }, (_, i) => `T-${from + i}`);
      const found = await this.store.read(ids);
      for (const id of ids) if (found[id]) out.push(withoutETag(found[id]));
    }
    return out.filter(
      (t) => (filter.customer === undefined || t.customer === filter.customer) && (!filter.kind || t.kind === filter.kind) && (!filter.status || t.status === filter.status),
    );
  }

  async update(id: string, change: { status?: TicketStatus; note?: string; by: TicketHistoryEntry['by']; links?: Ticket['links'] }): Promise<Ticket> {
    if (change.status !== undefined && !STATUSES.includes(change.status)) throw new RangeError(`Unknown status "${change.status}"; use ${STATUSES.join(', ')}`);
    const key = normaliseTicketId(id);
    if (!key) throw new TicketNotFoundError(id);
    return this.rewrite(key, (old) => {
      const at = this.now().toISOString();
      const status = change.status ?? old.status;
      const entry: TicketHistoryEntry = { at, status, by: change.by, ...(change.note && { note: cleanNote(change.note) }) };
      return { ...old, status, updatedAt: at, history: [...old.history, entry], ...(change.links && { links: { ...old.links, ...change.links } }) };
    });
  }

  /** Retention: every ticket `pick` chooses is replaced by what `scrub` makes of it; returns how many changed. */
  async rewriteWhere(pick: (t: Ticket) => boolean, scrub: (t: Ticket) => Ticket): Promise<number> {
    let changed = 0;
    for (const t of await this.list()) {
      if (!pick(t)) continue;
      let picked = false;
      await this.rewrite(t.id, (current) => ((picked = pick(current)) ? scrub(current) : current));
      if (picked) changed++;
    }
    return changed;
  }

  private rewrite(key: string, fn: (old: Ticket) => Ticket): Promise<Ticket> {
    return updateDocument<Ticket & Record<string, unknown>, Ticket>(this.store, key, (old) => {
      if (!old) throw new TicketNotFoundError(key);
      const updated = fn(old);
      return { value: updated as Ticket & Record<string, unknown>, result: updated };
    });
  }
}

function withoutETag(doc: Record<string, unknown>): Ticket {
  const { eTag: _ignored, ...ticket } = doc;
  return ticket as unknown as Ticket;
}
