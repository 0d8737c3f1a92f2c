// Child process for the multi-process test: increments a counter N times on a FileStore with eTag
// compare-and-swap, retrying on conflict, as the bot and a CLI do on one DATA_DIR. argv: root, N.
import { FileStore } from '../../bot/store/fileStore.js';
import { updateDocument } from '../../bot/store/updateDocument.js';

const [root, times] = process.argv.slice(2) as [string, string];
const store = new FileStore(root);
for (let i = 0; i < Number(times); i++) {
  await updateDocument<{ n: number }, void>(store, 'race/counter', (c) => ({ value: { n: (c?.n ?? 0) + 1 }, result: undefined }));
}
process.stdout.write('done\n');
