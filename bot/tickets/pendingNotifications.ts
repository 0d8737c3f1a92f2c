import type { DocumentStore } from '../storage/documentStore.js';
import { updateDocument } from '../storage/documentUpdate.js';

/** A status change made while no bot was running, to be told to the customer when the bot starts. */
export interface PendingNotification extends Record<string, unknown> {
  readonly ticketId: string;
  readonly note?: string;
  readonly at: string;
}

const KEY = 'notifications/pending';

/** Status-change notifications the console queued while the bot was down (DocumentStore, so any backend). */
export class PendingNotifications {
  constructor(private readonly store: DocumentStore) {}

  async add(item: PendingNotification): Promise<void> {
    await updateDocument<{ items: PendingNotification[] }>(this.store, KEY, (doc) => ({ items: [...(doc?.items ?? []), item] }));
  }

  /** Hands each queued item to `send`, then removes the ones it handled (a failing send stays queued). */
  async drain(send: (item: PendingNotification) => Promise<void>): Promise<number> {
    const doc = (await this.store.read([KEY]))[KEY] as { items?: PendingNotification[] } | undefined;
    const items = doc?.items ?? [];
    const done: PendingNotification[] = [];
    for (const item of items) {
      try {
        await send(item);
        done.push(item);
      } catch {
        // kept for the next start
      }
    }
    if (done.length > 0) await updateDocument<{ items: PendingNotification[] }>(this.store, KEY, (d) => ({ items: (d?.items ?? []).filter((i) => !done.some((x) => x.ticketId === i.ticketId && x.at === i.at)) }));
    return done.length;
  }
}
