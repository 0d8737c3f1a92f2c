// Child process for the crash test: writes durable documents as fast as it can and prints "ack N" after
// each write resolves; the test kills it with SIGKILL at some point. argv: the store's root folder.
import { FileStore } from '../../bot/store/fileStore.js';

const store = new FileStore(process.argv[2]!);
const start = Number((await store.read(['meta/counter']))['meta/counter']?.value ?? 0);
process.stdout.write('ready\n');
for (let i = start + 1; ; i++) {
  await store.write({ [`items/${i}`]: { value: i, text: '写入 ✓'.repeat(i % 50) } });
  await store.write({ 'meta/counter': { value: i, eTag: '*' } });
  process.stdout.write(`ack ${i}\n`);
}
