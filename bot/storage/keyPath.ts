import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Where a key lives: a shard folder from the first byte of its hash, then the next 16 bytes as the name. */
export function keyPath(root: string, key: string): { dir: string; file: string; hash: string } {
  const hash = createHash('sha256').update(key).digest('hex');
  const dir = join(root, hash.slice(0, 2));
  return { dir, file: join(dir, `${hash.slice(2, 34)}.json`), hash: hash.slice(0, 34) };
}
