import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, writeFileDurably } from '../storage/durableFile.js';
import { changeNotices, validateNotices, type HealthNotices, type HealthNoticesData } from './healthNotices.js';

export const HEALTH_FILE = 'service-health.json';
const LOCK_STALE_MS = 30_000;

/**
 * DATA_DIR/service-health.json, the embedded health source. Only the reseller's CLI writes it (atomically,
 * one writer at a time through a lock file); the bot only reads, and re-reads whenever the file changed,
 * so `npm run health` works while the bot is running.
 */
export class HealthFile implements HealthNotices {
  readonly file: string;
  private cached?: { readonly version: string; readonly data: HealthNoticesData };

  constructor(dataDir: string) {
    this.file = join(dataDir, HEALTH_FILE);
  }

  /** The current content; a missing file is empty, a broken one throws CorruptDataError. */
  async read(): Promise<HealthNoticesData> {
    const version = await this.version();
    if (this.cached && this.cached.version === version) return this.cached.data;
    const data = validateNotices(this.file, await readJsonFile(this.file));
    this.cached = { version, data };
    return data;
  }

  /** Read, change and write back under the lock file. */
  async update<T>(change: (data: HealthNoticesData) => { data: HealthNoticesData; result: T }, now: Date): Promise<T> {
    const release = await this.lock();
    try {
      const { data, result } = changeNotices(validateNotices(this.file, await readJsonFile(this.file)), change, now);
      await writeFileDurably(this.file, `${JSON.stringify(data, null, 2)}\n`);
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
