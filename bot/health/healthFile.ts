import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { CorruptDataError } from '../storage/errors.js';
import { readJsonFile, writeFileDurably } from '../storage/durableFile.js';
import { HEALTH_STATUSES, type HealthIssue } from './types.js';

export const HEALTH_FILE = 'service-health.json';
/** Resolved incidents are kept this long, so a watcher that was down still sees them end. */
const KEEP_RESOLVED_MS = 30 * 24 * 3600_000;
const LOCK_STALE_MS = 30_000;

/** An incident or advisory the reseller entered with `npm run health`; `endTime` is set by `clear`. */
export type StoredIncident = Omit<HealthIssue, 'resolved' | 'origin'> & { readonly endTime?: string };

export interface HealthFileData {
  readonly nextNumber: number;
  readonly incidents: readonly StoredIncident[];
}

const EMPTY: HealthFileData = { nextNumber: 1001, incidents: [] };

export function toIssue(i: StoredIncident): HealthIssue {
  return { ...i, resolved: i.endTime !== undefined, origin: 'reseller' };
}

function isIncident(v: unknown): v is StoredIncident {
  const i = v as Record<string, unknown>;
  return (
    typeof i === 'object' && i !== null &&
    ['id', 'service', 'title', 'impact', 'startTime', 'lastUpdate'].every((k) => typeof i[k] === 'string') &&
    (i.classification === 'incident' || i.classification === 'advisory') &&
    (HEALTH_STATUSES as readonly unknown[]).includes(i.status) &&
    (i.endTime === undefined || typeof i.endTime === 'string')
  );
}

function validate(file: string, raw: unknown): HealthFileData {
  if (raw === undefined) return EMPTY;
  const d = raw as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || !Array.isArray(d.incidents) || !Number.isInteger(d.nextNumber)) {
    throw new CorruptDataError(file, 'not a service health file');
  }
  const bad = d.incidents.findIndex((i) => !isIncident(i));
  if (bad >= 0) throw new CorruptDataError(file, `broken at incident ${bad + 1}`);
  return { nextNumber: d.nextNumber as number, incidents: d.incidents as StoredIncident[] };
}

/**
 * DATA_DIR/service-health.json, the embedded health source. Only the reseller's CLI writes it (atomically,
 * one writer at a time through a lock file); the bot only reads, and re-reads whenever the file changed,
 * so `npm run health` works while the bot is running.
 */
export class HealthFile {
  readonly file: string;
  private cached?: { readonly version: string; readonly data: HealthFileData };

  constructor(dataDir: string) {
    this.file = join(dataDir, HEALTH_FILE);
  }

  /** The current content; a missing file is empty, a broken one throws CorruptDataError. */
  async read(): Promise<HealthFileData> {
    const version = await this.version();
    if (this.cached && this.cached.version === version) return this.cached.data;
    const data = validate(this.file, await readJsonFile(this.file));
    this.cached = { version, data };
    return data;
  }

  /** Read, change and write back under the lock; resolved incidents past the keep period are dropped. */
  async update<T>(change: (data: HealthFileData) => { data: HealthFileData; result: T }, now: Date): Promise<T> {
    const release = await this.lock();
    try {
      const current = validate(this.file, await readJsonFile(this.file));
      const { data, result } = change(current);
      const cutoff = now.getTime() - KEEP_RESOLVED_MS;
      const incidents = data.incidents.filter((i) => i.endTime === undefined || Date.parse(i.endTime) >= cutoff);
      await writeFileDurably(this.file, `${JSON.stringify({ ...data, incidents }, null, 2)}\n`);
      return result;
    } finally {
      await release();
    }
  }

  /** Inode, size and mtime: a rename-replace always changes at least the inode. */
  private async version(): Promise<string> {
    try {
      const s = await fs.stat(this.file, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
      throw err;
    }
  }

  private async lock(): Promise<() => Promise<void>> {
    const lockFile = `${this.file}.lock`;
    await fs.mkdir(join(this.file, '..'), { recursive: true });
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
        return () => fs.rm(lockFile, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      // A writer that crashed leaves its lock behind; writes take milliseconds, so an old lock is dead.
      // (Wall-clock time here: this compares with the file system's own mtime.)
      const age = Date.now() - (await fs.stat(lockFile).then((s) => s.mtimeMs, () => Date.now()));
      if (age > LOCK_STALE_MS) await fs.rm(lockFile, { force: true });
      else await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${lockFile} is held by another health command; try again`);
  }
}
