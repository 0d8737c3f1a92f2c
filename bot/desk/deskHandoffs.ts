import type { ConversationReference } from 'botbuilder';
import type { Locale } from '../i18n/locale.js';
import { NEW_DOCUMENT, withoutETag, type DocumentStore } from '../store/documentStore.js';
import { updateDocument } from '../store/updateDocument.js';
import type { DeskAgent } from './deskRegistry.js';

export type DeskState = 'waiting' | 'taken' | 'ended';
/** How a relay ended: an agent resolved it or gave it back, the customer ended it, it lapsed, or a new request replaced it. */
export type DeskEnd = 'resolved' | 'back' | 'customer' | 'lapsed' | 'replaced';

export interface Csat {
  readonly rating: number;
  readonly comment?: string;
  readonly at: string;
}

/** One handoff on the desk (`desk/handoff/T-1001`): who, where, and how far it got. No message text. */
export interface DeskHandoff extends Record<string, unknown> {
  readonly ticketId: string;
  readonly locale: Locale;
  /** The customer's conversation, where agent replies go; their name as the handoff had it. */
  readonly customer: { readonly reference: Partial<ConversationReference>; readonly name?: string };
  /** The desk it was posted to, and the card's message id there (in Teams, the thread's root post). */
  readonly desk: { readonly channelId: string; readonly conversationId: string };
  readonly cardId?: string;
  /** Service health when it was handed over, for the card as it is redrawn. */
  readonly health: { readonly 'zh-CN': string; readonly en: string };
  readonly createdAt: string;
  readonly outOfHours: boolean;
  readonly nextOpen?: string;
  readonly state: DeskState;
  readonly queuedAt?: string;
  readonly takenAt?: string;
  readonly takenBy?: DeskAgent;
  readonly endedAt?: string;
  readonly end?: DeskEnd;
  readonly endedBy?: DeskAgent;
  readonly csat?: Csat;
}

interface OpenIndex extends Record<string, unknown> {
  tickets: string[];
}

const OPEN = 'open';
const handoffKey = (ticketId: string) => `handoff/${ticketId}`;
const cardKey = (activityId: string) => `card/${activityId}`;

/**
 * Desk handoffs in the store's `desk/` namespace. Every change that two agents or instances may make at
 * once is a compare-and-swap on the handoff's document, with the rule checked against what is stored:
 * exactly one Take wins, a relay ends once, the queue notice and the survey answer are recorded once.
 * `desk/open` lists the handoffs not ended (for /queue and the not-taken check); `desk/card/<id>` maps a
 * card's message id back to its ticket.
 */
export class DeskHandoffs {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {}

  async create(handoff: DeskHandoff): Promise<void> {
    await this.store.write({ [handoffKey(handoff.ticketId)]: { ...handoff, eTag: NEW_DOCUMENT } });
    await this.updateOpen((ids) => [...ids.filter((id) => id !== handoff.ticketId), handoff.ticketId]);
  }

  async get(ticketId: string): Promise<DeskHandoff | undefined> {
    const found = (await this.store.read([handoffKey(ticketId)]))[handoffKey(ticketId)];
    return found ? withoutETag<DeskHandoff>(found) : undefined;
  }

  /** The handoffs not ended, oldest first; ids whose handoff is gone or ended are dropped from the index. */
  async open(): Promise<DeskHandoff[]> {
    const ids = ((await this.store.read([OPEN]))[OPEN] as OpenIndex | undefined)?.tickets ?? [];
    const found = await this.store.read(ids.map(handoffKey));
    const open = ids
      .map((id) => found[handoffKey(id)])
      .filter((h) => h !== undefined)
      .map((h) => withoutETag<DeskHandoff>(h))
      .filter((h) => h.state !== 'ended');
    if (open.length < ids.length)
      await this.updateOpen((current) => current.filter((id) => open.some((h) => h.ticketId === id) || !ids.includes(id)));
    return open.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Every handoff ever stored (the outcomes report). */
  async all(): Promise<DeskHandoff[]> {
    const keys = (await this.store.list('handoff/')).map((k) => k.key);
    const found = await this.store.read(keys);
    return keys
      .map((k) => found[k])
      .filter((h) => h !== undefined)
      .map((h) => withoutETag<DeskHandoff>(h));
  }

  /** Take: wins only while the handoff waits. The loser learns who has it (`handoff.takenBy`). */
  take(ticketId: string, agent: DeskAgent): Promise<{ won: boolean; handoff?: DeskHandoff }> {
    return this.change(ticketId, (h) => (h.state === 'waiting' ? { ...h, state: 'taken', takenAt: this.at(), takenBy: agent } : undefined));
  }

  /** Ends the relay once; a second end (the other agent, the customer at the same moment) changes nothing. */
  async end(ticketId: string, end: DeskEnd, agent?: DeskAgent): Promise<{ won: boolean; handoff?: DeskHandoff }> {
    const result = await this.change(ticketId, (h) =>
      h.state === 'ended' ? undefined : { ...h, state: 'ended', end, endedAt: this.at(), ...(agent && { endedBy: agent }) },
    );
    if (result.won) await this.updateOpen((ids) => ids.filter((id) => id !== ticketId));
    return result;
  }

  /** The not-taken notice: only the first instance to see it due sends it. */
  markQueued(ticketId: string): Promise<{ won: boolean; handoff?: DeskHandoff }> {
    return this.change(ticketId, (h) => (h.state === 'waiting' && !h.queuedAt ? { ...h, queuedAt: this.at() } : undefined));
  }

  /** The customer's rating: the first answer is kept. */
  rate(ticketId: string, csat: Csat): Promise<{ won: boolean; handoff?: DeskHandoff }> {
    return this.change(ticketId, (h) => (h.csat || h.end !== 'resolved' ? undefined : { ...h, csat }));
  }

  /**
   * Retention: ended handoffs older than the cutoff keep their times, state and rating (for the report) and
   * lose where and who the customer was and their comment. Returns how many changed.
   */
  async purge(cutoff: Date): Promise<number> {
    let purged = 0;
    for (const h of await this.all()) {
      if (h.state !== 'ended' || !h.endedAt || Date.parse(h.endedAt) >= cutoff.getTime() || h.customer.reference.conversation === undefined)
        continue;
      const { won } = await this.change(h.ticketId, (c) => ({
        ...c,
        customer: { reference: { channelId: c.customer.reference.channelId } },
        ...(c.csat && { csat: { rating: c.csat.rating, at: c.csat.at } }),
      }));
      if (won) purged++;
    }
    return purged;
  }

  /** The card's message id, and the index from it back to the ticket. */
  async setCard(ticketId: string, cardId: string): Promise<void> {
    await this.indexCard(cardId, ticketId);
    await this.change(ticketId, (h) => ({ ...h, cardId }));
  }

  /** Another message that stands for the ticket in the desk (a redrawn card in the Emulator). */
  async indexCard(cardId: string, ticketId: string): Promise<void> {
    await this.store.write({ [cardKey(cardId)]: { ticketId } });
  }

  async ticketOfCard(cardId: string): Promise<string | undefined> {
    const found = (await this.store.read([cardKey(cardId)]))[cardKey(cardId)];
    return typeof found?.ticketId === 'string' ? found.ticketId : undefined;
  }

  private at(): string {
    return this.now().toISOString();
  }

  private change(ticketId: string, fn: (h: DeskHandoff) => DeskHandoff | undefined): Promise<{ won: boolean; handoff?: DeskHandoff }> {
    return updateDocument<DeskHandoff, { won: boolean; handoff?: DeskHandoff }>(this.store, handoffKey(ticketId), (current) => {
      if (!current) return { result: { won: false } };
      const next = fn(current);
      return next ? { value: next, result: { won: true, handoff: next } } : { result: { won: false, handoff: current } };
    });
  }

  private async updateOpen(fn: (ids: readonly string[]) => string[]): Promise<void> {
    await updateDocument<OpenIndex, void>(this.store, OPEN, (current) => ({
      value: { tickets: fn(current?.tickets ?? []) },
      result: undefined,
    }));
  }
}
