import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { KeyedQueue } from '../keyedQueue.js';
import { DurableJsonAdapter } from './durableJsonAdapter.js';
import { isTempFile, readJsonFile, syncDirectory } from './durableFile.js';
import type { DocumentStore, StoredDocument } from './documentStore.js';
import { CorruptDataError, ETagConflictError } from './errors.js';

interface FileRecord {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

const CACHE_LIMIT = 5_000;

/**
 * One small lowdb file per key, spread over 256 shard folders. lowdb rewrites a whole file on each
 * write, so one file per key keeps the cost of a turn flat however many conversations are stored.
 * This process is the only writer (see lockDataDir), so a bounded in-memory cache stays coherent.
 */
export class ShardedFileStore implements DocumentStore {
  private readonly queue = new KeyedQueue();
  private readonly cache = new Map<string, FileRecord | null>();
  private readonly knownDirs = new Set<string>();

  private constructor(private readonly root: string) {}

  /** Opens the store, refusing to start if any file is empty or corrupt, and clears unacknowledged temp files. */
  static async open(root: string): Promise<ShardedFileStore> {
    await fs.mkdir(root, { recursive: true });
    for (const shard of await fs.readdir(root, { withFileTypes: true })) {
      if (!shard.isDirectory()) continue;
      const dir = join(root, shard.name);
      for (const name of await fs.readdir(dir)) {
        if (isTempFile(name)) await fs.rm(join(dir, name), { force: true });
        else if (name.endsWith('.json')) assertRecord(join(dir, name), await readJsonFile(join(dir, name)));
      }
    }
    return new ShardedFileStore(root);
  }

  async read(keys: readonly string[]): Promise<Record<string, StoredDocument>> {
    const out: Record<string, StoredDocument> = {};
    await Promise.all(
      keys.map((key) =>
        this.queue.run(key, async () => {
          const record = await this.load(key);
          if (record) out[key] = { ...structuredClone(record.value), eTag: record.eTag };
        }),
      ),
    );
    return out;
  }

  async write(changes: Readonly<Record<string, StoredDocument>>): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, doc]) =>
        this.queue.run(key, async () => {
          const current = await this.load(key);
          const expected = doc.eTag;
          if (current && expected !== undefined && expected !== '*' && expected !== current.eTag) {
            throw new ETagConflictError(key);
          }
          const { eTag: _ignored, ...value } = doc;
          const record: FileRecord = { key, eTag: randomBytes(8).toString('hex'), value: structuredClone(value) };
          const db = await this.db(key);
          db.data = record;
          await db.write();
          this.remember(key, record);
        }),
      ),
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.queue.run(key, async () => {
          const { dir, file } = this.pathOf(key);
          await fs.rm(file, { force: true });
          if (this.knownDirs.has(dir) || (await exists(dir))) await syncDirectory(dir);
          this.remember(key, null);
        }),
      ),
    );
  }

  flush(): Promise<void> {
    return this.queue.idle();
  }

  /** Where a key lives: a shard folder from the first byte of its hash, then the next 16 bytes as the name. */
  static pathOf(root: string, key: string): { dir: string; file: string } {
    const hash = createHash('sha256').update(key).digest('hex');
    const dir = join(root, hash.slice(0, 2));
    return { dir, file: join(dir, `${hash.slice(2, 34)}.json`) };
  }

  private pathOf(key: string): { dir: string; file: string } {
    return ShardedFileStore.pathOf(this.root, key);
  }

  private async db(key: string): Promise<Low<FileRecord | null>> {
    const { dir, file } = this.pathOf(key);
    if (!this.knownDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      await syncDirectory(this.root);
      this.knownDirs.add(dir);
    }
    return new Low<FileRecord | null>(new DurableJsonAdapter<FileRecord | null>(file), null);
  }

  private async load(key: string): Promise<FileRecord | null> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { file } = this.pathOf(key);
    const data = await readJsonFile(file);
    const record = data === undefined ? null : assertRecord(file, data);
    if (record && record.key !== key) throw new CorruptDataError(file, `holding key "${record.key}" instead of the expected one`);
    this.remember(key, record);
    return record;
  }

  private remember(key: string, record: FileRecord | null): void {
    this.cache.delete(key);
    this.cache.set(key, record);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
  }
}

function assertRecord(file: string, data: unknown): FileRecord {
  const r = data as Partial<FileRecord> | null;
  if (!r || typeof r !== 'object' || typeof r.key !== 'string' || typeof r.eTag !== 'string' || !r.value || typeof r.value !== 'object') {
    throw new CorruptDataError(file, 'not a stored document');
  }
  return r as FileRecord;
}

async function exists(path: string): Promise<boolean> {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}
