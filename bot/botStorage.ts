import type { Storage, StoreItems } from 'botbuilder';
import type { DocumentStore, StoredDocument } from './storage/documentStore.js';

/** botbuilder's Storage over our DocumentStore; the only place the two meet. */
export class BotStorage implements Storage {
  constructor(private readonly store: DocumentStore) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.store.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return this.store.write(changes as Record<string, StoredDocument>);
  }

  delete(keys: string[]): Promise<void> {
    return this.store.delete(keys);
  }
}
