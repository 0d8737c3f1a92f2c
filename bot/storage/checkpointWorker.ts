// Entry point of the checkpoint thread (see CheckpointThread): copies one journal per request.
import { parentPort, workerData } from 'node:worker_threads';
import { BloomFilter } from './bloomFilter.js';
import { JournalCopier } from './journalCopier.js';

const { root, onDisk } = workerData as { root: string; onDisk: SharedArrayBuffer };
const copier = new JournalCopier(root, new BloomFilter(onDisk));
const port = parentPort!;

port.on('message', (journalFile: string) => {
  copier.copy(journalFile).then(
    (copied) => port.postMessage({ copied }),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? err : new Error(String(err)) }),
  );
});
