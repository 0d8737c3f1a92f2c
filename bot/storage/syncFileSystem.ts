import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';

/**
 * Makes everything written under `path` durable with one syncfs(2) (`sync -f`, coreutils and
 * busybox) instead of one fsync per file: a checkpoint of thousands of small files then costs one flush,
 * not one per file. Where `sync -f` is missing, each file and folder is fsynced instead.
 */
export async function syncFileSystem(path: string, files: readonly string[], dirs: readonly string[]): Promise<void> {
  const ok = await new Promise<boolean>((resolve) => execFile('sync', ['-f', path], { timeout: 60_000 }, (err) => resolve(!err)));
  if (ok) return;
  for (const target of [...files, ...dirs]) {
    const handle = await fs.open(target, 'r').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined; // replaced or removed since: its successor is synced on its own turn
      throw err;
    });
    if (!handle) continue;
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}
