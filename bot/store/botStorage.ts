import type { Storage, StoreItems } from 'botbuilder';
import { NEW_DOCUMENT, type DocumentStore, type StoredDocument } from './documentStore.js';

/** Conversation state: the dialog stack, which two instances must never both advance from one version. */
const CONVERSATION_KEY = /\/conversations\//;
const MAX_MISSING = 10_000;

/**
 * botbuilder's Storage over our DocumentStore; the only place the two meet.
 *
 * BotState saves with eTag "*" (last writer wins). With several instances behind a load balancer that
 * would let two turns of one conversation both start from the same dialog state and one silently
 * undo the other. So for conversation state this remembers the eTag each document was read with (by
 * the object BotState got) and writes with it, or create-only when there was none: the second writer
 * gets ETagConflictError instead of overwriting. User state (language, identity) keeps last-writer-wins.
 */
export class BotStorage implements Storage {
  private readonly readETags = new WeakMap<object, string>();
  /** Conversation keys read as missing, so that the state BotState then creates is written create-only. */
  private readonly readMissing = new Set<string>();

  constructor(
    private readonly store: DocumentStore,
    private readonly guarded: (key: string) => boolean = (key) => CONVERSATION_KEY.test(key),
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.store.read(keys);
    for (const key of keys) {
      if (!this.guarded(key)) continue;
      const doc = found[key];
      if (doc?.eTag) this.readETags.set(doc, doc.eTag);
      else if (!doc) {
        this.readMissing.add(key);
        // Turns that change nothing never write; forgetting the oldest only means last-writer-wins for it.
        if (this.readMissing.size > MAX_MISSING) this.readMissing.delete(this.readMissing.values().next().value as string);
      }
    }
    return found;
  }

  write(changes: StoreItems): Promise<void> {
    const checked: Record<string, StoredDocument> = {};
    for (const [key, value] of Object.entries(changes as Record<string, StoredDocument>)) {
      const eTag = this.guarded(key) && value.eTag === '*' ? this.expectedETag(key, value) : value.eTag;
      checked[key] = eTag === undefined ? value : { ...value, eTag };
    }
    return this.store.write(checked);
  }

  delete(keys: string[]): Promise<void> {
    return this.store.delete(keys);
  }

  /** The version this turn started from; a second save of the same object in one turn overwrites. */
  private expectedETag(key: string, value: StoredDocument): string {
    const read = this.readETags.get(value);
    this.readETags.delete(value);
    const missing = this.readMissing.delete(key);
    return read ?? (missing ? NEW_DOCUMENT : '*');
  }
}
