import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '../store/documentStore.js';
import { DEFAULT_LEASE_MS, isFree, leaseFor, released, type Lease } from '../store/lease.js';
import { updateDocument } from '../store/updateDocument.js';

/** A status change made while no bot was running, to be told to the customer when the bot starts. */
export interface PendingNotification extends Record<string, unknown> {
  readonly ticketId: string;
  readonly note?: string;
  readonly at: string;
  /** The instance sending it now, until when (several instances may start at once on Blob). */
  readonly claim?: Lease;
}

type Queue = { items: PendingNotification[] };

const KEY = 'notifications/pending';
const same = (a: PendingNotification, b: PendingNotification) => a.ticketId === b.ticketId && a.at === b.at;

/** Status-change notifications the console queued while the bot was down (DocumentStore, so any backend). */
export class PendingNotifications {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
    private readonly leaseMs = DEFAULT_LEASE_MS,
  ) {}

  async add(item: PendingNotification): Promise<void> {
    await updateDocument<Queue, void>(this.store, KEY, (queue) => ({
      value: { items: [...(queue?.items ?? []), item] },
      result: undefined,
    }));
  }

  /**
   * Claims the queued items nobody else holds, hands each to `send`, then removes the ones sent; a
   * failing send is released for the next start. Two instances draining at once never both send one.
   */
  async drain(send: (item: PendingNotification) => Promise<void>): Promise<number> {
    const owner = randomUUID();
    const now = this.now();
    const claim = leaseFor(owner, now, this.leaseMs);
    const mine = await updateDocument<Queue, PendingNotification[]>(this.store, KEY, (queue) => {
      const items = queue?.items ?? [];
      const free = (i: PendingNotification) => isFree(i.claim, owner, now);
      if (!items.some(free)) return { result: [] };
      const claimed = items.map((i) => (free(i) ? { ...i, claim } : i));
      return { value: { items: claimed }, result: claimed.filter((i) => i.claim === claim) };
    });
    if (mine.length === 0) return 0;
    const sent: PendingNotification[] = [];
    for (const item of mine) {
      try {
        await send(item);
        sent.push(item);
      } catch {
        // released below, for the next start
      }
    }
    await updateDocument<Queue, void>(this.store, KEY, (queue) => ({
      value: {
        items: (queue?.items ?? []).flatMap((i) => {
          if (i.claim?.by !== owner) return [i];
          return sent.some((s) => same(s, i)) ? [] : [released(i)];
        }),
      },
      result: undefined,
    }));
    return sent.length;
  }
}
