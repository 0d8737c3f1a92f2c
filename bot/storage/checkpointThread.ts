import { Worker } from 'node:worker_threads';
import type { BloomFilter } from './bloomFilter.js';
import { CheckpointError } from './errors.js';
import type { CopiedVersions } from './journalCopier.js';

const ENTRY = new URL('./checkpointWorker.boot.mjs', import.meta.url);

interface Job {
  resolve(copied: CopiedVersions): void;
  reject(err: unknown): void;
}

/**
 * The worker thread that copies a store's journal to per-key files (JournalCopier), so that the main
 * thread only waits for it. Started on the first checkpoint; it keeps the process alive only while it
 * has work, and stops with the store.
 */
export class CheckpointThread {
  private worker: Worker | undefined;
  private job: Job | undefined;

  constructor(
    private readonly root: string,
    private readonly onDisk: BloomFilter,
  ) {}

  /** One copy at a time: the store runs one checkpoint at a time. */
  async copy(journalFile: string): Promise<CopiedVersions> {
    if (this.job) throw new Error('CheckpointThread: a copy is already running');
    const worker = (this.worker ??= this.start());
    worker.ref();
    try {
      return await new Promise<CopiedVersions>((resolve, reject) => {
        this.job = { resolve, reject };
        worker.postMessage(journalFile);
      });
    } finally {
      this.job = undefined;
      worker.unref();
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(ENTRY, { workerData: { root: this.root, onDisk: this.onDisk.buffer } });
    worker.unref();
    worker.on('message', (m: { copied?: CopiedVersions; error?: Error }) => {
      if (m.copied) this.job?.resolve(m.copied);
      else this.job?.reject(new CheckpointError(this.root, m.error));
    });
    // An exception the thread did not catch ends it; the next checkpoint starts a new one.
    worker.on('error', (err) => this.job?.reject(new CheckpointError(this.root, err)));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.job?.reject(new CheckpointError(this.root, new Error(`checkpoint thread exited with code ${code}`)));
    });
    return worker;
  }
}
