/** A JSON document as stored, with the eTag the store assigned on its last write. */
export type StoredDocument = Record<string, unknown> & { eTag?: string };

/**
 * An eTag no store ever issues. Writing with it succeeds only while the key does not exist
 * (If-None-Match: *), which is how a document is created exactly once among several writers.
 */
export const NEW_DOCUMENT = 'new-document';

/**
 * Key-value documents with optimistic concurrency: a write carrying an eTag that no longer matches
 * fails with ETagConflictError; `*` or no eTag overwrites. A write carrying an eTag for a key that
 * does not exist (deleted, or never written) creates it. No botbuilder types, so the hosting
 * layer can change without touching the stores.
 */
export interface DocumentStore {
  read(keys: readonly string[]): Promise<Record<string, StoredDocument>>;
  write(changes: Readonly<Record<string, StoredDocument>>): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Resolves once every write accepted so far is on disk. */
  flush(): Promise<void>;
}
