import type { DocumentStore } from '../store/documentStore.js';
import { ETagConflictError } from '../store/errors.js';
import { updateDocument } from '../store/updateDocument.js';
import { cleanNewTicket, cleanNote } from './cleanText.js';
import { appendHistory } from './history.js';
import { assertTransition } from './lifecycle.js';
import { checkTicket } from './ticketShape.js';
import { normaliseTicketId, TicketNotFoundError } from './ticketId.js';
import type { NewTicket, Ticket, TicketChange, TicketFilter, TicketStore } from './types.js';

const FIRST = 1001;
const COUNTER = 'counter';
const TICKET_KEY = /^T-(\d+)$/;

interface Counter extends Record<string, unknown> {
  next: number;
}

/**
 * Tickets, one document each (`T-1024`), plus a counter, on either backend. A number is taken from the
 * counter with a compare-and-swap and the ticket is then written create-only, so two writers (bot
 * instances, the console) never hand out the same id; if the counter was ever set below an existing
 * ticket, the create-only write fails and the counter jumps past the highest id. The lifecycle and the
 * text rules hold here, whatever the backend. `create` resolves once the ticket is durable.
 */
export class DocumentTicketStore implements TicketStore {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    for (;;) {
      const number = await updateDocument<Counter, number>(this.store, COUNTER, (c) => {
        const taken = Number.isInteger(c?.next) && c!.next >= FIRST ? c!.next : FIRST;
        return { value: { next: taken + 1 }, result: taken };
      });
      const at = this.now().toISOString();
      const created: Ticket = {
        ...cleanNewTicket(ticket),
        id: `T-${number}`,
        status: 'open',
        createdAt: at,
        updatedAt: at,
        history: [{ at, status: 'open', by: 'bot' }],
      };
      try {
        await this.store.write({ [created.id]: { ...created, eTag: 'new-document' } });
        return created;
      } catch (err) {
        if (!(err instanceof ETagConflictError)) throw err;
        await this.counterPastHighest();
      }
    }
  }

  async get(id: string): Promise<Ticket | undefined> {
    const key = normaliseTicketId(id);
    if (!key) return undefined;
    const found = (await this.store.read([key]))[key];
    return found ? checkTicket(key, found) : undefined;
  }

  async list(filter: TicketFilter = {}): Promise<Ticket[]> {
    const keys = (await this.store.list('')).map((k) => k.key).filter((k) => TICKET_KEY.test(k));
    const found = await this.store.read(keys);
    return keys
      .filter((k) => found[k])
      .map((k) => checkTicket(k, found[k]!))
      .sort((a, b) => numberOf(a.id) - numberOf(b.id))
      .filter(
        (t) =>
          (filter.customer === undefined || t.customer === filter.customer) &&
          (!filter.kind || t.kind === filter.kind) &&
          (!filter.status || t.status === filter.status),
      );
  }

  async recent(count: number): Promise<Ticket[]> {
    const keys = (await this.store.list('')).map((k) => k.key).filter((k) => TICKET_KEY.test(k));
    const newest = keys.sort((a, b) => numberOf(b) - numberOf(a)).slice(0, count);
    const found = await this.store.read(newest);
    return newest.filter((k) => found[k]).map((k) => checkTicket(k, found[k]!));
  }

  async update(id: string, change: TicketChange): Promise<Ticket> {
    const key = normaliseTicketId(id);
    if (!key) throw new TicketNotFoundError(id);
    return this.rewrite(key, (old) => {
      const at = this.now().toISOString();
      const status = change.status ?? old.status;
      assertTransition(old.id, old.status, status);
      const history = appendHistory(old.history, { at, status, by: change.by, ...(change.note && { note: cleanNote(change.note) }) });
      const links = change.links && { links: { ...old.links, ...change.links } };
      return { ...old, status, updatedAt: at, history, ...links, ...(change.csat && { csat: change.csat }) };
    });
  }

  /** Retention: every ticket `pick` chooses is replaced by what `scrub` makes of it; returns how many changed. */
  async rewriteWhere(pick: (t: Ticket) => boolean, scrub: (t: Ticket) => Ticket): Promise<number> {
    let changed = 0;
    for (const t of await this.list()) {
      if (!pick(t)) continue;
      let picked = false;
      await this.rewrite(t.id, (current) => {
        picked = pick(current);
        return picked ? scrub(current) : current;
      });
      if (picked) changed++;
    }
    return changed;
  }

  private rewrite(key: string, fn: (old: Ticket) => Ticket): Promise<Ticket> {
    return updateDocument<Record<string, unknown>, Ticket>(this.store, key, (old) => {
      if (!old) throw new TicketNotFoundError(key);
      const updated = fn(checkTicket(key, old));
      return { value: { ...updated }, result: updated };
    });
  }

  private async counterPastHighest(): Promise<void> {
    const highest = Math.max(
      FIRST - 1,
      ...(await this.store.list(''))
        .map((k) => TICKET_KEY.exec(k.key))
        .filter((m) => m !== null)
        .map((m) => Number(m[1])),
    );
    await updateDocument<Counter, void>(this.store, COUNTER, (c) =>
      c && c.next > highest ? { result: undefined } : { value: { next: highest + 1 }, result: undefined },
    );
  }
}

const numberOf = (id: string) => Number(id.slice(2));
