import { join } from 'node:path';
import { Low } from 'lowdb';
import { KeyedQueue } from '../keyedQueue.js';
import type { Recipient } from '../proactive/notifier.js';
import { DurableJsonAdapter } from '../storage/durableJsonAdapter.js';

export const WATCH_FILE = 'health-watches.json';

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
}

interface WatchFile {
  watches: HealthWatch[];
}

const same = (a: HealthWatch, b: Pick<HealthWatch, 'recipient' | 'issueId'>) =>
  a.issueId === b.issueId && a.recipient.channelId === b.recipient.channelId && a.recipient.userId === b.recipient.userId;

/** Incident-resolved subscriptions in DATA_DIR/health-watches.json, written durably, one change at a time. */
export class HealthWatchStore {
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Low<WatchFile>) {}

  static async open(dataDir: string): Promise<HealthWatchStore> {
    const db = new Low<WatchFile>(new DurableJsonAdapter<WatchFile>(join(dataDir, WATCH_FILE)), { watches: [] });
    await db.read();
    db.data.watches ??= [];
    return new HealthWatchStore(db);
  }

  list(): readonly HealthWatch[] {
    return this.db.data.watches;
  }

  /** Adds watches; asking twice about the same incident keeps one. Resolves once they are on disk. */
  add(watches: readonly HealthWatch[]): Promise<void> {
    return this.change((data) => {
      for (const w of watches) if (!data.watches.some((x) => same(x, w))) data.watches.push(w);
    });
  }

  remove(watches: readonly HealthWatch[]): Promise<void> {
    return this.change((data) => {
      data.watches = data.watches.filter((x) => !watches.some((w) => same(x, w)));
    });
  }

  /** Counts a round that reached nobody. */
  failed(watches: readonly HealthWatch[]): Promise<void> {
    return this.change((data) => {
      data.watches = data.watches.map((x) => (watches.some((w) => same(x, w)) ? { ...x, failures: (x.failures ?? 0) + 1 } : x));
    });
  }

  private change(apply: (data: WatchFile) => void): Promise<void> {
    return this.queue.run('watches', async () => {
      // Copy-on-write: a failed write leaves memory as it is on disk.
      const before = this.db.data;
      const next = { watches: [...before.watches] };
      apply(next);
      this.db.data = next;
      try {
        await this.db.write();
      } catch (err) {
        this.db.data = before;
        throw err;
      }
    });
  }
}
