// Child process: writes enough to start the checkpoint thread, waits until it is idle, then returns
// without closing the store. The process must end on its own: an idle checkpoint thread keeps nothing alive.
import { ShardedFileStore } from '../../bot/storage/shardedFileStore.js';

const store = await ShardedFileStore.open(process.argv[2]!, { checkpointAfter: 2 });
for (let i = 0; i < 10; i++) await store.write({ [`k${i}`]: { i } });
await store.flush();
process.stdout.write('flushed\n');
