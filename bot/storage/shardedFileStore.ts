import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyedQueue } from '../keyedQueue.js';
import { BloomFilter } from './bloomFilter.js';
import { isTempFile, readJsonFile, syncDirectory } from './durableFile.js';
import type { DocumentStore, StoredDocument } from './documentStore.js';
import { CorruptDataError, ETagConflictError } from './errors.js';
import { Journal, type JournalRecord } from './journal.js';
import { syncFileSystem } from './syncFileSystem.js';

interface FileRecord {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

const CACHE_LIMIT = 5_000;
/** Changed keys kept in memory (and in the journal) before they are written to their own files. */
const CHECKPOINT_AFTER = 5_000;
/** Past this many, writers wait for the checkpoint in progress: memory and the journal stay bounded under any load. */
const MAX_DIRTY = 3 * CHECKPOINT_AFTER;
/** Files written per event-loop turn during a checkpoint. */
const CHECKPOINT_SLICE = 16;
const JOURNAL = 'journal.jsonl';
const RETIRED_JOURNAL = 'journal.checkpointing.jsonl';

/**
 * Documents as small JSON files (one document each, as lowdb writes them), one per key in 256 shard
 * folders, behind a group-committed journal: a write is acknowledged once its journal line is
 * fsynced, and changed keys are copied to their own files in the background. Per-turn cost stays flat however many conversations are
 * stored. This process is the only writer (see lockDataDir), so the in-memory maps stay coherent.
 */
export class ShardedFileStore implements DocumentStore {
  private readonly queue = new KeyedQueue();
  private readonly cache = new Map<string, FileRecord | null>();
  /** Acknowledged changes not yet in their own files; null marks a deletion. */
  private dirty = new Map<string, FileRecord | null>();
  private readonly knownDirs = new Set<string>();
  /** Files that may exist, so that a key never written costs no disk read (every new conversation is one); fixed size. */
  private readonly onDisk = new BloomFilter();
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
    const retired = await Journal.read(join(root, RETIRED_JOURNAL));
    const current = await Journal.read(join(root, JOURNAL));
    // A checkpoint writes files in place and syncs them only at its end, so one that was cut short may have
    // left torn files; every one of them belongs to a key a journal still holds, and is rewritten below.
    const rewritten = new Set([...retired, ...current].map((r) => ShardedFileStore.pathOf(root, r.key).file));
    const onDisk: string[] = [];
    for (const shard of await fs.readdir(root, { withFileTypes: true })) {
      if (!shard.isDirectory()) continue;
      const dir = join(root, shard.name);
      for (const name of await fs.readdir(dir)) {
        const file = join(dir, name);
        if (isTempFile(name)) await fs.rm(file, { force: true });
        else if (name.endsWith('.json')) {
          try {
            assertRecord(file, await readJsonFile(file));
          } catch (err) {
            if (!(err instanceof CorruptDataError) || !rewritten.has(file)) throw err;
          }
          onDisk.push(`${shard.name}${name}`);
        }
      }
    }
    const { journal, records } = await Journal.open(join(root, JOURNAL));
    const store = new ShardedFileStore(root, journal);
    for (const hash of onDisk) store.onDisk.add(hash);
    for (const r of [...retired, ...records]) store.dirty.set(r.key, r.deleted ? null : { key: r.key, eTag: r.eTag!, value: r.value! });
    if (store.dirty.size > 0) await store.checkpoint();
    return store;
  }

  /** Where a key lives: a shard folder from the first byte of its hash, then the next 16 bytes as the name. */
  static pathOf(root: string, key: string): { dir: string; file: string; hash: string } {
    const hash = createHash('sha256').update(key).digest('hex');
    const dir = join(root, hash.slice(0, 2));
    return { dir, file: join(dir, `${hash.slice(2, 34)}.json`), hash: hash.slice(0, 34) };
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
    if (this.dirty.size >= MAX_DIRTY) await this.checkpointing;
  }

  /**
   * Copies changed keys to their own files (written in place, no fsync each: the journals still hold
   * every one of them), makes them all durable with one file-system sync, then retires the journal.
   */
  private async checkpoint(): Promise<void> {
    await this.journal.rotate(join(this.root, RETIRED_JOURNAL));
    const snapshot = [...this.dirty];
    const written: string[] = [];
    const touched = new Set<string>();
    // Synchronous writes in small slices: each file is a page-cache copy of a few hundred bytes, and
    // the promise API would cost several times more CPU per file than the write itself. A slice blocks
    // the event loop for a millisecond or two, then turns go on.
    for (let i = 0; i < snapshot.length; i += CHECKPOINT_SLICE) {
      for (const [key, record] of snapshot.slice(i, i + CHECKPOINT_SLICE)) {
        const done = this.writeFile(key, record);
        if (done) {
          touched.add(done.dir);
          if (done.file) written.push(done.file);
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await syncFileSystem(this.root, written, [...touched, this.root]);
    await fs.rm(join(this.root, RETIRED_JOURNAL), { force: true });
    await syncDirectory(this.root);
    for (const [key, record] of snapshot) {
      if (this.dirty.get(key) !== record) continue; // changed again meanwhile: still in the new journal
      this.dirty.delete(key);
      this.remember(key, record);
    }
  }

  /** Writes (or removes) one key's file, not yet durable; says which folder (and file) changed, if any. */
  private writeFile(key: string, record: FileRecord | null): { dir: string; file?: string } | undefined {
    const { dir, file, hash } = ShardedFileStore.pathOf(this.root, key);
    if (record === null) {
      if (!this.onDisk.mightContain(hash)) return undefined; // never copied to its own file: nothing to remove
      rmSync(file, { force: true });
      return { dir };
    }
    if (!this.knownDirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.knownDirs.add(dir);
    }
    writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
    this.onDisk.add(hash);
    return { dir, file };
  }

  private async load(key: string): Promise<FileRecord | null> {
    const pending = this.dirty.get(key);
    if (pending !== undefined) return pending;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { file, hash } = ShardedFileStore.pathOf(this.root, key);
    const data = this.onDisk.mightContain(hash) ? await readJsonFile(file) : undefined;
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
