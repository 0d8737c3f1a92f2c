import type { DocumentStore, StoredDocument } from './documentStore.js';

/** One namespace of a shared store (tickets/, feedback/ ...), so features never read each other's keys. */
export class PrefixedStore implements DocumentStore {
  constructor(
    private readonly inner: DocumentStore,
    private readonly prefix: string,
  ) {}

  async read(keys: readonly string[]): Promise<Record<string, StoredDocument>> {
    const found = await this.inner.read(keys.map((k) => this.prefix + k));
    return Object.fromEntries(Object.entries(found).map(([k, v]) => [k.slice(this.prefix.length), v]));
  }

  write(changes: Readonly<Record<string, StoredDocument>>): Promise<void> {
    return this.inner.write(Object.fromEntries(Object.entries(changes).map(([k, v]) => [this.prefix + k, v])));
  }

  delete(keys: readonly string[]): Promise<void> {
    return this.inner.delete(keys.map((k) => this.prefix + k));
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }
}
