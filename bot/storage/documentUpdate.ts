import type { DocumentStore, StoredDocument } from './documentStore.js';
import { ETagConflictError } from './errors.js';

/**
 * Read-modify-write of one document with optimistic concurrency: a conflicting writer makes it read
 * again and re-apply `change`, so it works on any DocumentStore backend, shared or not.
 */
export async function updateDocument<T extends Record<string, unknown>>(store: DocumentStore, key: string, change: (current: T | undefined) => T, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const found = (await store.read([key]))[key];
    const { eTag, ...current } = found ?? {};
    const next = change(found ? (current as T) : undefined);
    try {
      // An absent key has no eTag to check against, so '*' writes it.
      await store.write({ [key]: { ...next, eTag: found ? (eTag ?? '*') : '*' } as StoredDocument });
      return next;
    } catch (err) {
      if (!(err instanceof ETagConflictError) || attempt >= tries) throw err;
    }
  }
}
