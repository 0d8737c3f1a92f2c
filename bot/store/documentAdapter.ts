import type { Adapter } from 'lowdb';
import type { DocumentStore } from './documentStore.js';

/**
 * lowdb over one DocumentStore key, for whole-file data that changes rarely and is replaced whole
 * (the customer directory): the same Low<T> code runs on DATA_DIR files and on Azure Blob.
 */
export class DocumentAdapter<T extends object> implements Adapter<T> {
  constructor(
    private readonly store: DocumentStore,
    private readonly key: string,
  ) {}

  async read(): Promise<T | null> {
    const found = (await this.store.read([this.key]))[this.key];
    if (!found) return null;
    const { eTag: _ignored, ...data } = found;
    return data as T;
  }

  async write(data: T): Promise<void> {
    await this.store.write({ [this.key]: { ...(data as Record<string, unknown>), eTag: '*' } });
  }
}
