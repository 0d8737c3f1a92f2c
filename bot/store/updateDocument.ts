import { NEW_DOCUMENT, type DocumentStore, type StoredDocument } from './documentStore.js';
import { ETagConflictError } from './errors.js';

/** Several writers kept trying the same key; the caller decides whether to fail the turn. */
export class ContentionError extends Error {
  override readonly name = 'ContentionError';
  constructor(
    readonly key: string,
    attempts: number,
  ) {
    super(`Storage: "${key}" still changed by other writers after ${attempts} attempts`);
  }
}

const MAX_ATTEMPTS = 40;

/**
 * Read-modify-write of one document with optimistic concurrency: `change` gets the current value
 * (undefined when missing) and returns the new one, or undefined to leave it. On an eTag conflict
 * it reads again and re-applies `change`, so concurrent writers on other instances never lose an update.
 */
export async function updateDocument<T extends Record<string, unknown>, R>(
  store: DocumentStore,
  key: string,
  change: (current: T | undefined) => { value: T; result: R } | { value?: undefined; result: R },
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const found = (await store.read([key]))[key];
    const { eTag, ...current } = found ?? ({} as StoredDocument);
    const next = change(found ? (current as T) : undefined);
    if (next.value === undefined) return next.result;
    try {
      await store.write({ [key]: { ...next.value, eTag: eTag ?? NEW_DOCUMENT } });
      return next.result;
    } catch (err) {
      if (!(err instanceof ETagConflictError)) throw err;
      if (attempt >= MAX_ATTEMPTS) throw new ContentionError(key, attempt);
      // Jittered back-off so racing instances stop colliding.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));
    }
  }
}
