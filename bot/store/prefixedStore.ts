import type { DocumentStore, ListedKey, StoredDocument } from './documentStore.js';

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

  async list(prefix: string): Promise<ListedKey[]> {
    return (await this.inner.list(this.prefix + prefix)).map((k) => ({ ...k, key: k.key.slice(this.prefix.length) }));
  }
}
