import type { Recipient } from '../proactive/notifier.js';
import type { DocumentStore } from '../store/documentStore.js';
import { DEFAULT_LEASE_MS, isFree, leaseFor, released, type Lease } from '../store/lease.js';
import { updateDocument } from '../store/updateDocument.js';

const KEY = 'health/watches';

/** Someone who asked to be told when an incident is over. */
export interface HealthWatch {
  readonly recipient: Recipient;
  readonly issueId: string;
  readonly service: string;
  /** The incident's title when they subscribed: the notice still names it if the source forgets it. */
  readonly title: string;
  readonly createdAt: string;
  /** Notification rounds that reached nobody; the watch is dropped after a few. */
  readonly failures?: number;
  /** The instance telling this subscriber now, until when (every instance polls on a shared store). */
  readonly claim?: Lease;
}

type Watches = { watches: HealthWatch[] };

const same = (a: HealthWatch, b: Pick<HealthWatch, 'recipient' | 'issueId'>) =>
  a.issueId === b.issueId && a.recipient.channelId === b.recipient.channelId && a.recipient.userId === b.recipient.userId;
const among = (w: HealthWatch, list: readonly HealthWatch[]) => list.some((x) => same(x, w));

/** Incident-resolved subscriptions, one document in the store, so a subscription made on one instance is kept by all. */
export class HealthWatchStore {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  async list(): Promise<HealthWatch[]> {
    return ((await this.store.read([KEY]))[KEY] as Watches | undefined)?.watches ?? [];
  }

  /** Adds watches; asking twice about the same incident keeps one. Resolves once they are stored. */
  add(watches: readonly HealthWatch[]): Promise<void> {
    return this.change((list) => [...list, ...watches.filter((w, i) => !among(w, list) && !among(w, watches.slice(0, i)))]);
  }

  /** Takes those of `watches` nobody else is telling right now; only the instance holding one tells it. */
  async claim(watches: readonly HealthWatch[], owner: string): Promise<HealthWatch[]> {
    const now = this.now();
    const claim = leaseFor(owner, now, this.leaseMs);
    const free = (w: HealthWatch) => among(w, watches) && isFree(w.claim, owner, now);
    return updateDocument<Watches, HealthWatch[]>(this.store, KEY, (doc) => {
      const list = doc?.watches ?? [];
      if (!list.some(free)) return { result: [] };
      const next = list.map((w) => (free(w) ? { ...w, claim } : w));
      return { value: { watches: next }, result: next.filter((w) => w.claim === claim) };
    });
  }

  remove(watches: readonly HealthWatch[]): Promise<void> {
    return this.change((list) => list.filter((w) => !among(w, watches)));
  }

  /** Counts a round that reached nobody, and lets go of the claim for the next round. */
  failed(watches: readonly HealthWatch[]): Promise<void> {
    return this.change((list) => list.map((w) => (among(w, watches) ? { ...released(w), failures: (w.failures ?? 0) + 1 } : w)));
  }

  private async change(apply: (list: readonly HealthWatch[]) => HealthWatch[]): Promise<void> {
    await updateDocument<Watches, void>(this.store, KEY, (doc) => ({ value: { watches: apply(doc?.watches ?? []) }, result: undefined }));
  }
}
