import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { KeyedQueue } from '../keyedQueue.js';
import { BloomFilter } from './bloomFilter.js';
import { CheckpointThread } from './checkpointThread.js';
import { isTempFile, readJsonFile, syncDirectory } from './durableFile.js';
import type { DocumentStore, StoredDocument } from './documentStore.js';
import { CorruptDataError, ETagConflictError } from './errors.js';
import { deletionLine, Journal, versionLine } from './journal.js';
import { JournalCopier } from './journalCopier.js';
import { keyPath } from './keyPath.js';

/**
 * One key's current version. The value is kept as JSON: each reader gets its own copy by parsing it
 * (exactly what a restart would read back), and one string per document costs the garbage collector
 * far less than the object tree of thousands of cached and pending documents.
 */
interface FileRecord {
  readonly key: string;
  readonly eTag: string;
  readonly json: string;
}

const CACHE_LIMIT = 5_000;
/** Changed keys kept in memory (and in the journal) before they are written to their own files. */
const CHECKPOINT_AFTER = 5_000;
/** Past this many times that, writers wait for the checkpoint in progress: memory and the journal stay bounded under any load. */
const MAX_DIRTY_FACTOR = 3;

export interface ShardedFileStoreOptions {
  /** Changed keys that start a checkpoint (tests make it small, to checkpoint often). */
  readonly checkpointAfter?: number;
}
const JOURNAL = 'journal.jsonl';
const RETIRED_JOURNAL = 'journal.checkpointing.jsonl';

/**
 * Documents as small JSON files (one document each, as lowdb writes them), one per key in 256 shard
 * folders, behind a group-committed journal: a write is acknowledged once its journal line is
 * fsynced, and changed keys are copied to their own files by a worker thread (CheckpointThread).
 * Per-turn cost stays flat however many conversations are stored. This process is the only writer (see lockDataDir), so the in-memory maps stay coherent.
 */
export class ShardedFileStore implements DocumentStore {
  private readonly queue = new KeyedQueue();
  private readonly cache = new Map<string, FileRecord | null>();
  /** Acknowledged changes not yet in their own files; null marks a deletion. */
  private dirty = new Map<string, FileRecord | null>();
  /** Files that may exist, so that a key never written costs no disk read (every new conversation is one); fixed size. */
  private readonly onDisk = new BloomFilter();
  private readonly copier: CheckpointThread;
  /** A retired journal not yet copied (left by a crash or a failed checkpoint): rotating would overwrite it. */
  private retiredLeft = false;
  private readonly bootId = randomBytes(4).toString('hex');
  private counter = 0;
  private checkpointing: Promise<void> | undefined;

  private constructor(
    private readonly root: string,
    private readonly journal: Journal,
    private readonly checkpointAfter: number,
  ) {
    this.copier = new CheckpointThread(root, this.onDisk);
  }

  /** Opens the store: refuses any empty or corrupt file, replays the journal, clears unacknowledged temp files. */
  static async open(root: string, options: ShardedFileStoreOptions = {}): Promise<ShardedFileStore> {
    await fs.mkdir(root, { recursive: true });
    const retired = await Journal.read(join(root, RETIRED_JOURNAL));
    const current = await Journal.read(join(root, JOURNAL));
    // A checkpoint writes files in place and syncs them only at its end, so one that was cut short may have
    // left torn files; every one of them belongs to a key a journal still holds, and is rewritten below.
    const rewritten = new Set([...retired, ...current].map((r) => keyPath(root, r.key).file));
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
    const store = new ShardedFileStore(root, journal, options.checkpointAfter ?? CHECKPOINT_AFTER);
    for (const hash of onDisk) store.onDisk.add(hash);
    for (const r of [...retired, ...records]) store.dirty.set(r.key, r.deleted ? null : { key: r.key, eTag: r.eTag!, json: JSON.stringify(r.value) });
    store.retiredLeft = retired.length > 0;
    try {
      // The retired journal first (if a crash left one), then the current one. Nothing else runs yet,
      // so this thread copies them itself rather than start the checkpoint thread.
      const here = new JournalCopier(root, store.onDisk);
      if (store.retiredLeft) await store.checkpoint(here);
      if (store.dirty.size > 0) await store.checkpoint(here);
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  static pathOf(root: string, key: string): { dir: string; file: string; hash: string } {
    return keyPath(root, key);
  }

  async read(keys: readonly string[]): Promise<Record<string, StoredDocument>> {
    const out: Record<string, StoredDocument> = {};
    await Promise.all(
      keys.map((key) =>
        this.queue.run(key, async () => {
          const record = await this.load(key);
          if (!record) return;
          const doc = JSON.parse(record.json) as StoredDocument;
          doc.eTag = record.eTag;
          out[key] = doc;
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
          const record: FileRecord = { key, eTag: `${this.bootId}-${(++this.counter).toString(36)}`, json: JSON.stringify(value) };
          await this.commit(key, record, versionLine(key, record.eTag, record.json));
        }),
      ),
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.queue.run(key, () => this.commit(key, null, deletionLine(key)))));
  }

  /** Resolves once every accepted write is durable (in the journal at least). */
  async flush(): Promise<void> {
    await this.queue.idle();
    await this.journal.drain();
    await this.checkpointing;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      await this.journal.close();
    } finally {
      await this.copier.close();
    }
  }

  private async commit(key: string, record: FileRecord | null, line: string): Promise<void> {
    await this.journal.append([line]);
    this.dirty.set(key, record);
    this.cache.delete(key);
    if (this.dirty.size >= this.checkpointAfter) this.checkpointing ??= this.checkpoint().finally(() => (this.checkpointing = undefined));
    if (this.dirty.size >= MAX_DIRTY_FACTOR * this.checkpointAfter) await this.checkpointing;
  }

  /**
   * Retires the journal, has the checkpoint thread copy its keys to their own files and make them
   * durable, then deletes it. The main thread only waits: turns go on meanwhile, into the new journal.
   */
  private async checkpoint(copier: Pick<JournalCopier, 'copy'> = this.copier): Promise<void> {
    const retired = join(this.root, RETIRED_JOURNAL);
    if (!this.retiredLeft) {
      await this.journal.rotate(retired);
      this.retiredLeft = true;
    }
    const copied = await copier.copy(retired);
    await fs.rm(retired, { force: true });
    await syncDirectory(this.root);
    this.retiredLeft = false;
    for (let i = 0; i < copied.length; i += 2) {
      const key = copied[i]!;
      const record = this.dirty.get(key);
      // Changed again since (or only a newer version is dirty): that version is in the current journal.
      if (record === undefined || (record?.eTag ?? null) !== copied[i + 1]) continue;
      this.dirty.delete(key);
      this.remember(key, record);
    }
  }

  private async load(key: string): Promise<FileRecord | null> {
    const pending = this.dirty.get(key);
    if (pending !== undefined) return pending;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const { file, hash } = keyPath(this.root, key);
    const data = this.onDisk.mightContain(hash) ? await readJsonFile(file) : undefined;
    const stored = data === undefined ? null : assertRecord(file, data);
    if (stored && stored.key !== key) throw new CorruptDataError(file, `holding key "${stored.key}" instead of the expected one`);
    const record = stored && { key, eTag: stored.eTag, json: JSON.stringify(stored.value) };
    this.remember(key, record);
    return record;
  }

  private remember(key: string, record: FileRecord | null): void {
    this.cache.delete(key);
    this.cache.set(key, record);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** A per-key file as written: the key, its eTag and the value. */
interface StoredFile {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

function assertRecord(file: string, data: unknown): StoredFile {
  const r = data as Partial<StoredFile> | null;
  if (!r || typeof r !== 'object' || typeof r.key !== 'string' || typeof r.eTag !== 'string' || !r.value || typeof r.value !== 'object') {
    throw new CorruptDataError(file, 'not a stored document');
  }
  return r as StoredFile;
}
