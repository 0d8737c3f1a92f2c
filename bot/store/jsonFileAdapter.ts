import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { CorruptDataError } from './errors.js';

/**
 * A lowdb adapter for one JSON file, owner-only (0600). Writes go to a temp file that is renamed over
 * the old one, so a reader or a crash never sees half a file; `durable` also syncs the file and its
 * folder before resolving. (lowdb's own JSONFile renames without syncing.) A file that is empty or not
 * JSON is refused with CorruptDataError, never replaced by a default.
 */
export class JsonFileAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly options: { readonly durable?: boolean } = {},
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    if (text.trim() === '') throw new CorruptDataError(this.file, 'empty');
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new CorruptDataError(this.file, 'not valid JSON', { cause: err });
    }
  }

  write(data: T): Promise<void> {
    return writeFileAtomically(this.file, JSON.stringify(data), this.options);
  }
}

/** Temp file, then rename over `file` (owner-only); `durable` syncs the file and its folder first. */
export async function writeFileAtomically(file: string, text: string, options: { readonly durable?: boolean } = {}): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    if (options.durable) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  if (options.durable) await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a folder for syncing; its rename is already durable enough for our purposes.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
