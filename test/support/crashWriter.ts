// Child process for the crash test: writes as fast as it can and prints "ack N" after each write resolves.
// argv: DATA_DIR [checkpointAfter], the second to have the checkpoint thread busy when the kill comes.
import { join } from 'node:path';
import { lockDataDir } from '../../bot/storage/dataDirLock.js';
import { ShardedFileStore } from '../../bot/storage/shardedFileStore.js';

const [dataDir, checkpointAfter] = process.argv.slice(2) as [string, string | undefined];
await lockDataDir(dataDir);
const store = await ShardedFileStore.open(join(dataDir, 'state'), checkpointAfter ? { checkpointAfter: Number(checkpointAfter) } : {});
const start = Number((await store.read(['counter'])).counter?.value ?? 0);
process.stdout.write('ready\n');
for (let i = start + 1; ; i++) {
  await store.write({ counter: { value: i, eTag: '*' }, [`item-${i}`]: { value: i, text: '写入 ✓'.repeat(i % 50) } });
  process.stdout.write(`ack ${i}\n`);
}
