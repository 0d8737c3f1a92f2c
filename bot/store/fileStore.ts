import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { KeyedQueue } from '../keyedQueue.js';
import { NEW_DOCUMENT, type DocumentStore, type ListedKey, type StoredDocument } from './documentStore.js';
import { CorruptDataError, ETagConflictError } from './errors.js';
import { JsonFileAdapter } from './jsonFileAdapter.js';

/** What each file holds: its key (file names of long keys are hashes), a version tag, and the document. */
export interface FileRecord {
  readonly key: string;
  readonly eTag: string;
  readonly value: Record<string, unknown>;
}

const MAX_READABLE_NAME = 200;
/** Another process's lock older than this was left by a crash (a write takes milliseconds). */
const LOCK_STALE_MS = 10_000;

/** Percent-encodes everything but letters, digits, `-` and `_`, so no name is `.`, `..`, hidden or reserved. */
function encodeName(text: string): string {
  return encodeURIComponent(text).replace(/[.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Keys without a `/` live in this folder; `@` is always encoded in a namespace's name, so none collides. */
const NO_NAMESPACE = '@';

/** The folder of a namespace (`%` for the empty one, which encodeName never produces). */
const dirNameOf = (ns: string | undefined) => (ns === undefined ? NO_NAMESPACE : encodeName(ns) || '%');
const nsOfDirName = (dir: string) => (dir === NO_NAMESPACE ? undefined : dir === '%' ? '' : decodeURIComponent(dir));

/**
 * DATA_DIR as one JSON file per key, through lowdb adapters: `<root>/<namespace>/<name>.json`, where the
 * namespace is the key up to its first `/`. Every write replaces the file atomically (temp file, then
 * rename); `durable` keys (tickets, the outbox, the directory: what a customer is told about) are also
 * synced to the device before the write resolves. Several processes may share the folder (the bot and
 * the CLIs): conditional writes compare the eTag under a short per-key lock (proper-lockfile), and one
 * process's writes to a key run one at a time. Nothing is cached or read at open, so opening costs the
 * same whatever the folder holds.
 */
export class FileStore implements DocumentStore {
  private readonly queue = new KeyedQueue();
  private readonly madeDirs = new Set<string>();

  constructor(
    readonly root: string,
    private readonly durable: (key: string) => boolean = () => true,
  ) {}

  async read(keys: readonly string[]): Promise<Record<string, StoredDocument>> {
    const out: Record<string, StoredDocument> = {};
    await Promise.all(
      [...new Set(keys)].map(async (key) => {
        const record = await this.readRecord(key);
        if (record) out[key] = { ...record.value, eTag: record.eTag };
      }),
    );
    return out;
  }

  async write(changes: Readonly<Record<string, StoredDocument>>): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, doc]) => this.queue.run(key, () => this.writeOne(key, doc))));
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.queue.run(key, () => fs.rm(this.fileOf(key), { force: true }))));
  }

  async list(prefix: string): Promise<ListedKey[]> {
    const slash = prefix.indexOf('/');
    const dirs = slash >= 0 ? [dirNameOf(prefix.slice(0, slash))] : await this.dirNames(this.root);
    const out: ListedKey[] = [];
    for (const dirName of dirs) {
      const ns = nsOfDirName(dirName);
      if (ns !== undefined && slash < 0 && !`${ns}/`.startsWith(prefix) && !prefix.startsWith(`${ns}/`)) continue;
      const dir = join(this.root, dirName);
      for (const name of await this.dirNames(dir, true)) {
        if (name.startsWith('.') || !name.endsWith('.json')) continue; // temp files of writes in flight
        const file = join(dir, name);
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat) continue;
        const rest = name.startsWith('~') ? undefined : decodeURIComponent(name.slice(0, -'.json'.length).replace(/^%$/, ''));
        const key = rest === undefined ? (await this.recordAt(file))?.key : ns === undefined ? rest : `${ns}/${rest}`;
        if (key?.startsWith(prefix)) out.push({ key, modifiedAt: stat.mtimeMs });
      }
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The file a key lives in. */
  fileOf(key: string): string {
    const slash = key.indexOf('/');
    const ns = slash >= 0 ? key.slice(0, slash) : undefined;
    const rest = slash >= 0 ? key.slice(slash + 1) : key;
    const encoded = encodeName(rest) || '%';
    const name = encoded.length <= MAX_READABLE_NAME ? encoded : `~${createHash('sha256').update(rest).digest('hex')}`;
    return join(this.root, dirNameOf(ns), `${name}.json`);
  }

  private async readRecord(key: string): Promise<FileRecord | undefined> {
    const record = await this.recordAt(this.fileOf(key));
    if (record && record.key !== key)
      throw new CorruptDataError(this.fileOf(key), `holding another key ("${record.key}")`, { path: '$.key' });
    return record;
  }

  private async recordAt(file: string): Promise<FileRecord | undefined> {
    const record = await new JsonFileAdapter<FileRecord>(file).read();
    if (record === null) return undefined;
    const r = record as Partial<FileRecord>;
    if (typeof r !== 'object' || typeof r.key !== 'string') throw new CorruptDataError(file, 'not a stored document', { path: '$.key' });
    if (typeof r.eTag !== 'string') throw new CorruptDataError(file, 'not a stored document', { path: '$.eTag' });
    if (typeof r.value !== 'object' || r.value === null || Array.isArray(r.value))
      throw new CorruptDataError(file, 'not a stored document', { path: '$.value' });
    return record;
  }

  private async writeOne(key: string, doc: StoredDocument): Promise<void> {
    const { eTag: expected, ...value } = doc;
    const file = this.fileOf(key);
    await this.ensureDir(join(file, '..'));
    const record: FileRecord = { key, eTag: randomBytes(8).toString('hex'), value };
    const adapter = new JsonFileAdapter<FileRecord>(file, { durable: this.durable(key) });
    if (expected === undefined || expected === '*') return adapter.write(record);
    const release = await lockfile.lock(file, {
      realpath: false,
      stale: LOCK_STALE_MS,
      retries: { retries: 100, minTimeout: 2, maxTimeout: 50 },
    });
    try {
      const current = await this.readRecord(key);
      if (expected === NEW_DOCUMENT ? current !== undefined : current !== undefined && current.eTag !== expected)
        throw new ETagConflictError(key);
      await adapter.write(record);
    } finally {
      await release();
    }
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    this.madeDirs.add(dir);
  }

  private async dirNames(dir: string, files = false): Promise<string[]> {
    try {
      return (await fs.readdir(dir, { withFileTypes: true })).filter((e) => (files ? e.isFile() : e.isDirectory())).map((e) => e.name);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }
}
