import type { Adapter } from 'lowdb';
import { readJsonFile, writeFileDurably } from './durableFile.js';

/**
 * lowdb adapter with durable, atomic writes. lowdb's own JSONFile adapter renames without fsync,
 * and its presets switch to memory under NODE_ENV=test, which would hide durability bugs.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    const data = await readJsonFile(this.file);
    return data === undefined ? null : (data as T);
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify(data));
  }
}
