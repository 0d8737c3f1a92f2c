/** A JSON document as stored, with the eTag the store assigned on its last write. */
export type StoredDocument = Record<string, unknown> & { eTag?: string };

/** A key found by `list`, and when its document was last written (ms since the epoch). */
export interface ListedKey {
  readonly key: string;
  readonly modifiedAt: number;
}

/**
 * An eTag no store ever issues. Writing with it succeeds only while the key does not exist
 * (If-None-Match: *), which is how a document is created exactly once among several writers.
 */
export const NEW_DOCUMENT = 'new-document';

/**
 * The one storage contract, with two backends: FileStore (DATA_DIR, the default) and BlobStore (Azure
 * Blob, shared by several instances). Keys are `<namespace>/<name>` strings.
 *
 * - read: the documents found, each with its eTag; missing keys are left out.
 * - write: conditional put. A document carrying an eTag is written only over that version
 *   (ETagConflictError otherwise); NEW_DOCUMENT creates only; `*` or no eTag overwrites. An eTag for a
 *   key that no longer exists writes it anew. Resolves once the write is on disk (tickets and the other
 *   records a customer is told about are synced to the device before that).
 * - delete: removes the keys (missing ones are fine).
 * - list: every key that starts with `prefix`, with its last write time.
 *
 * No botbuilder types, so the hosting layer can change without touching the stores.
 */
export interface DocumentStore {
  read(keys: readonly string[]): Promise<Record<string, StoredDocument>>;
  write(changes: Readonly<Record<string, StoredDocument>>): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  list(prefix: string): Promise<ListedKey[]>;
}

/** A document without the eTag the store added. */
export function withoutETag<T>(doc: StoredDocument): T {
  const { eTag: _eTag, ...value } = doc;
  return value as T;
}
