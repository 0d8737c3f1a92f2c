import type { DocumentStore } from '../storage/documentStore.js';
import { updateDocument } from '../storage/updateDocument.js';
import { changeNotices, validateNotices, type HealthNotices, type HealthNoticesData } from './healthNotices.js';

const KEY = 'health/notices';
/** How stale an instance's copy may be: `npm run health` on one machine reaches all within this. */
const FRESH_MS = 15_000;

/**
 * The reseller's incidents as one document in the store all instances share (STORAGE=blob). Changes
 * are eTag-checked, so two `npm run health` commands at once never lose one; reads are cached briefly
 * so a busy bot does not fetch the blob on every turn.
 */
export class SharedHealthNotices implements HealthNotices {
  private cached?: { readonly at: number; readonly data: HealthNoticesData };

  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number = Date.now,
  ) {}

  async read(): Promise<HealthNoticesData> {
    if (this.cached && this.now() - this.cached.at < FRESH_MS) return this.cached.data;
    const data = validateNotices(KEY, (await this.store.read([KEY]))[KEY]);
    this.cached = { at: this.now(), data };
    return data;
  }

  async update<T>(change: (data: HealthNoticesData) => { data: HealthNoticesData; result: T }, now: Date): Promise<T> {
    this.cached = undefined;
    return updateDocument<Record<string, unknown>, T>(this.store, KEY, (current) => {
      const { data, result } = changeNotices(validateNotices(KEY, current), change, now);
      return { value: { ...data }, result };
    });
  }
}
