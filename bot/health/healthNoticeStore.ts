import type { DocumentStore } from '../store/documentStore.js';
import { updateDocument } from '../store/updateDocument.js';
import { changeNotices, validateNotices, type HealthNotices, type HealthNoticesData } from './healthNotices.js';

const KEY = 'health/notices';

/**
 * The reseller's incidents as one document (`health/notices`) that `npm run health` writes and every bot
 * instance reads. Changes are eTag-checked, so two commands at once never lose one. Nothing is cached:
 * health is read only when a customer asks about it or a handoff summarises it, so a change shows at once.
 */
export class HealthNoticeStore implements HealthNotices {
  constructor(private readonly store: DocumentStore) {}

  async read(): Promise<HealthNoticesData> {
    return validateNotices(KEY, (await this.store.read([KEY]))[KEY]);
  }

  async update<T>(change: (data: HealthNoticesData) => { data: HealthNoticesData; result: T }, now: Date): Promise<T> {
    return updateDocument<Record<string, unknown>, T>(this.store, KEY, (current) => {
      const { data, result } = changeNotices(validateNotices(KEY, current), change, now);
      return { value: { ...data }, result };
    });
  }
}
