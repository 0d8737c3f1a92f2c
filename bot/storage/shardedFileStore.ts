import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { KeyedQueue } from '../keyedQueue.js';
import { DurableJsonAdapter } from './durableJsonAdapter.js';
import { isTempFile, readJsonFile, syncDirectory } from './durableFile.js';
import type { DocumentStore, StoredDocument } from './documentStore.js';
import { CorruptDataError, ETagConflictError } from './errors.js';
import { Journal, type JournalRecord } from './journal.js';

interface FileRecord {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

const CACHE_LIMIT = 5_000;
/** Changed keys kept in memory (and in the journal) before they are written to their own files. */
const CHECKPOINT_AFTER = 10_000;
const JOURNAL = 'journal.jsonl';
const RETIRED_JOURNAL = 'journal.checkpointing.jsonl';

/**
 * Documents as small lowdb files, one per key in 256 shard folders, behind a group-committed
 * journal: a write is acknowledged once its journal line is fsynced, and changed keys are copied to
 * their own files in the background. Per-turn cost stays flat however many conversations are
 * stored. This process is the only writer (see lockDataDir), so the in-memory maps stay coherent.
 */
export class ShardedFileStore implements DocumentStore {
  private readonly queue = new KeyedQueue();
  private readonly cache = new Map<string, FileRecord | null>();
  /** Acknowledged changes not yet in their own files; null marks a deletion. */
  private dirty = new Map<string, FileRecord | null>();
  private readonly knownDirs = new Set<string>();
  /** Files known to exist, so that a key never written costs no disk read (every new conversation is one). */
  private readonly onDisk = new Set<string>();
  private readonly bootId = randomBytes(4).toString('hex');
  private counter = 0;
  private checkpointing: Promise<void> | undefined;

  private constructor(
    private readonly root: string,
    private readonly journal: Journal,
  ) {}

  /** Opens the store: refuses any empty or corrupt file, replays the journal, clears unacknowledged temp files. */
  static async open(root: string): Promise<ShardedFileStore> {
    await fs.mkdir(root, { recursive: true });
    const onDisk: string[] = [];
    for (const shard of await fs.readdir(root, { withFileTypes: true })) {
      if (!shard.isDirectory()) continue;
      const dir = join(root, shard.name);
      for (const name of await fs.readdir(dir)) {
        if (isTempFile(name)) await fs.rm(join(dir, name), { force: true });
        else if (name.endsWith('.json')) {
          assertRecord(join(dir, name), await readJsonFile(join(dir, name)));
          onDisk.push(join(dir, name));
        }
      }
    }
    const retired = await Journal.read(join(root, RETIRED_JOURNAL));
    const { journal, records } = await Journal.open(join(root, JOURNAL));
    const store = new ShardedFileStore(root, journal);
    for (const file of onDisk) store.onDisk.add(file);
    for (const r of [...retired, ...records]) store.dirty.set(r.key, r.deleted ? null : { key: r.key, eTag: r.eTag!, value: r.value! });
    if (store.dirty.size > 0) await store.checkpoint();
    return store;
  }

  /** Where a key lives: a shard folder from the first byte of its hash, then the next 16 bytes as the name. */
  static pathOf(root: string, key: string): { dir: string; file: string } {
    const hash = createHash('sha256').update(key).digest('hex');
    const dir = join(root, hash.slice(0, 2));
    return { dir, file: join(dir, `${hash.slice(2, 34)}.json`) };
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
          if (current && expected !== undefined && expected !== '*' && expected !== current.eTag) throw new ETagConflictError(key);
          const { eTag: _ignored, ...value } = doc;
          const record: FileRecord = { key, eTag: `${this.bootId}-${(++this.counter).toString(36)}`, value: structuredClone(value) };
          await this.commit(record, { key, eTag: record.eTag, value: record.value });
        }),
      ),
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.queue.run(key, () => this.commit(null, { key, deleted: true }))));
  }

  /** Resolves once every accepted write is durable (in the journal at least). */
  async flush(): Promise<void> {
    await this.queue.idle();
    await this.journal.drain();
    await this.checkpointing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.journal.close();
  }

  private async commit(record: FileRecord | null, line: JournalRecord): Promise<void> {
    await this.journal.append([line]);
    this.dirty.set(line.key, record);
    this.cache.delete(line.key);
    if (this.dirty.size >= CHECKPOINT_AFTER) this.checkpointing ??= this.checkpoint().finally(() => (this.checkpointing = undefined));
  }

  /** Copies changed keys to their own files, then retires the journal that held them. */
  private async checkpoint(): Promise<void> {
    await this.journal.rotate(join(this.root, RETIRED_JOURNAL));
    const snapshot = [...this.dirty];
    const touched = new Set<string>();
    const workers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = w; i < snapshot.length; i += 8) {
        const dir = await this.writeFile(snapshot[i]![0], snapshot[i]![1]);
        if (dir) touched.add(dir);
      }
    });
    await Promise.all(workers);
    // Each shard folder once, after all its files, rather than once per file: the renames are durable
    // before the journal that still holds these changes is removed.
    for (const dir of touched) await syncDirectory(dir);
    await fs.rm(join(this.root, RETIRED_JOURNAL), { force: true });
    await syncDirectory(this.root);
    for (const [key, record] of snapshot) {
      if (this.dirty.get(key) !== record) continue; // changed again meanwhile: still in the new journal
      this.dirty.delete(key);
      this.remember(key, record);
    }
  }

  /** Writes (or removes) one key's file without syncing its folder; returns the folder to sync, if it changed. */
  private async writeFile(key: string, record: FileRecord | null): Promise<string | undefined> {
    const { dir, file } = ShardedFileStore.pathOf(this.root, key);
    if (record === null) {
      if (!this.onDisk.has(file)) return undefined; // never copied to its own file: nothing to remove
      await fs.rm(file, { force: true });
      this.onDisk.delete(file);
      return dir;
    }
    if (!this.knownDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      await syncDirectory(this.root);
      this.knownDirs.add(dir);
    }
    const db = new Low<FileRecord | null>(new DurableJsonAdapter<FileRecord | null>(file, { syncDirectory: false }), null);
    db.data = record;
    await db.write();
    this.onDisk.add(file);
    return dir;
  }

  private async load(key: string): Promise<FileRecord | null> {
    const pending = this.dirty.get(key);
    if (pending !== undefined) return pending;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { file } = ShardedFileStore.pathOf(this.root, key);
    const data = this.onDisk.has(file) ? await readJsonFile(file) : undefined;
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
