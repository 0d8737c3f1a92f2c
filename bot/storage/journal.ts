import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { CorruptDataError } from './errors.js';
import { syncDirectory } from './durableFile.js';
import { dirname } from 'node:path';

/** One acknowledged change: a new version of a key, or its deletion. */
export interface JournalRecord {
  readonly key: string;
  readonly eTag?: string;
  readonly value?: Record<string, unknown>;
  readonly deleted?: true;
}

/** A new version of a key as its journal line, from the value already serialised (`JSON.stringify(value)`). */
export function versionLine(key: string, eTag: string, valueJson: string): string {
  return `{"key":${JSON.stringify(key)},"eTag":${JSON.stringify(eTag)},"value":${valueJson}}`;
}

export function deletionLine(key: string): string {
  return JSON.stringify({ key, deleted: true } satisfies JournalRecord);
}

/**
 * An append-only log with group commit: every write waiting while an fsync runs goes out in the
 * next single append + fsync. A turn is acknowledged once its record is on disk, for the price of a
 * share of one fsync instead of two file rewrites.
 */
export class Journal {
  private pending: string[] = [];
  private waiters: Array<{ resolve: () => void; reject: (err: unknown) => void }> = [];
  private flushing: Promise<void> | undefined;
  /** The batch being written, and a gate that rotation closes so no batch starts on the old file. */
  private inFlight: Promise<void> = Promise.resolve();
  private gate: Promise<void> = Promise.resolve();
  private bytes = 0;

  private constructor(
    readonly file: string,
    private handle: FileHandle,
  ) {}

  /** Opens (creating) the log and returns the records it holds. A torn last line was never acknowledged and is dropped. */
  static async open(file: string): Promise<{ journal: Journal; records: JournalRecord[] }> {
    const records = await Journal.read(file);
    const handle = await fs.open(file, 'a+');
    const journal = new Journal(file, handle);
    journal.bytes = (await handle.stat()).size;
    return { journal, records };
  }

  static async read(file: string): Promise<JournalRecord[]> {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const lines = text.split('\n');
    const tail = lines.pop()!;
    if (tail !== '') await fs.truncate(file, Buffer.byteLength(text) - Buffer.byteLength(tail));
    return lines.map((line, i) => {
      try {
        const r = JSON.parse(line) as JournalRecord;
        if (typeof r.key !== 'string') throw new Error('no key');
        return r;
      } catch (err) {
        throw new CorruptDataError(file, `damaged at line ${i + 1}`, { cause: err });
      }
    });
  }

  get size(): number {
    return this.bytes;
  }

  /** `lines`: records as versionLine and deletionLine make them. */
  append(lines: readonly string[]): Promise<void> {
    for (const line of lines) this.pending.push(line + '\n');
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flushLoop();
    return done;
  }

  /** Resolves once everything appended so far is on disk. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Starts a new, empty log; the old one is renamed to `toFile` for the caller to retire once checkpointed. */
  async rotate(toFile: string): Promise<void> {
    let release!: () => void;
    const previous = this.gate;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      await this.inFlight.catch(() => undefined);
      await this.handle.close();
      await fs.rename(this.file, toFile);
      this.handle = await fs.open(this.file, 'a+');
      this.bytes = 0;
      await syncDirectory(dirname(this.file));
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    await this.drain();
    await this.handle.close();
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        await this.gate;
        const batch = this.pending.join('');
        const waiters = this.waiters;
        this.pending = [];
        this.waiters = [];
        const handle = this.handle;
        this.inFlight = (async () => {
          await handle.write(batch);
          await handle.sync();
        })();
        try {
          await this.inFlight;
          this.bytes += Buffer.byteLength(batch);
          waiters.forEach((w) => w.resolve());
        } catch (err) {
          waiters.forEach((w) => w.reject(err));
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }
}
