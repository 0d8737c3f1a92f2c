import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { BloomFilter } from './bloomFilter.js';
import { Journal } from './journal.js';
import { keyPath } from './keyPath.js';
import { syncFileSystem } from './syncFileSystem.js';

/** What a copy wrote: key, eTag, key, eTag... (null for a deletion); flat, so it crosses threads cheaply. */
export type CopiedVersions = Array<string | null>;

/**
 * Copies the last version of every key in a journal to the key's own file and makes them all durable
 * with one file-system sync. It runs on the checkpoint thread: creating thousands of small files would
 * otherwise hold up turns on the main thread.
 */
export class JournalCopier {
  private readonly knownDirs = new Set<string>();

  constructor(
    private readonly root: string,
    /** Shared with the store, which skips the disk for keys never copied. */
    private readonly onDisk: BloomFilter,
  ) {}

  async copy(journalFile: string): Promise<CopiedVersions> {
    const last = new Map<string, { eTag: string | null; text: string | null }>();
    for (const r of await Journal.read(journalFile)) {
      last.delete(r.key); // keeps the map in the order of last change
      last.set(r.key, r.deleted ? { eTag: null, text: null } : { eTag: r.eTag!, text: JSON.stringify({ key: r.key, eTag: r.eTag, value: r.value }) });
    }
    const written: string[] = [];
    const touched = new Set<string>([this.root]);
    const copied: CopiedVersions = [];
    for (const [key, { eTag, text }] of last) {
      const { dir, file, hash } = keyPath(this.root, key);
      copied.push(key, eTag);
      if (text === null) {
        if (!this.onDisk.mightContain(hash)) continue; // never copied to its own file: nothing to remove
        rmSync(file, { force: true });
        touched.add(dir);
        continue;
      }
      if (!this.knownDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.knownDirs.add(dir);
      }
      // In place and without an fsync each: the journal still holds every one of them until the sync below.
      writeFileSync(file, text, { mode: 0o600 });
      this.onDisk.add(hash);
      touched.add(dir);
      written.push(file);
    }
    await syncFileSystem(this.root, written, [...touched]);
    return copied;
  }
}
