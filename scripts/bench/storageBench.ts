import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileStore } from '../../bot/store/fileStore.js';
import { startBenchProcess } from './benchProcess.js';
import { loadSamples, loadTest, summarise, type LoadSamples } from './loadTest.js';
import { printRows, type Row } from './table.js';

/** Writes `count` stored conversations straight into the file layout (setup only, no fsync needed). */
async function populate(stateDir: string, count: number): Promise<void> {
  const dirs = new Map<string, Promise<unknown>>();
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      Array.from({ length: Math.min(500, count - i) }, async (_, j) => {
        const key = `state/bench/conversations/old-${i + j}/`;
        const file = new FileStore(stateDir).fileOf(key);
        const dir = join(file, '..');
        if (!dirs.has(dir)) dirs.set(dir, mkdir(dir, { recursive: true }));
        await dirs.get(dir);
        const value = { dialogState: { dialogStack: [] }, history: ['你好', 'how do I reset my password'] };
        await writeFile(file, JSON.stringify({ key, eTag: 'seed', value }));
      }),
    );
  }
}

/**
 * Cost of a turn as the number of stored conversations grows; baseline is the smallest store. Every
 * turn continues one of the stored conversations (read from its file, then written back), and the
 * stores take turns in slices of the load so that machine noise hits them alike.
 */
export async function runStorageBench(options: { quick: boolean }): Promise<void> {
  const sizes = options.quick ? [100, 1_000, 10_000] : [100, 10_000, 100_000];
  const amount = options.quick ? 1_000 : 3_000;
  const slices = 3;
  const bots = [];
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
    await populate(join(dir, 'store'), size);
    const bot = await startBenchProcess('bot', dir);
    await loadTest(bot.url, 16, 200, 'warm');
    bots.push({ size, dir, bot, runs: [] as LoadSamples[] });
  }
  for (let s = 0; s < slices; s++) {
    for (const b of bots) {
      const offset = s * (amount / slices);
      b.runs.push(await loadSamples(b.bot.url, 16, amount / slices, `grow-${b.size}`, { conversation: (i) => `old-${(offset + i) % b.size}` }));
    }
  }
  for (const b of bots) {
    await b.bot.stop();
    await rm(b.dir, { recursive: true, force: true });
  }
  const results = bots.map((b) => ({ size: b.size, ...summarise(b.runs) }));
  const base = results[0]!;
  const rows: Row[] = results.slice(1).flatMap((r) => [
    { name: `turn/s at ${r.size} conversations`, ours: r.throughput, baseline: base.throughput, unit: 'turn/s', better: 'higher' as const },
    { name: `ms/turn (1/throughput) at ${r.size}`, ours: 1000 / r.throughput, baseline: 1000 / base.throughput, unit: 'ms', better: 'lower' as const },
    { name: `p99 at ${r.size}`, ours: r.p99, baseline: base.p99, unit: 'ms', better: 'lower' as const },
  ]);
  printRows(`Per-turn cost as stored conversations grow (c=16, ${amount} turns continuing stored conversations), baseline: ${base.size} stored`, `${base.size} stored`, rows);
}

/** Heap after GC at the start and the end of a long run at c=16. */
export async function runSoak(minutes: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-soak-'));
  const bot = await startBenchProcess('bot', dir);
  // Warm up past the store's bounded parts (a 5,000-document cache, a checkpoint every 5,000 changed
  // keys; each new conversation adds two keys), so the comparison shows growth, not caches filling up.
  await loadTest(bot.url, 16, 10_000, 'soak-warm');
  const start = await bot.memory();
  const deadline = Date.now() + minutes * 60_000;
  let round = 0;
  while (Date.now() < deadline) await loadTest(bot.url, 16, 2_000, `soak-${round++}`);
  const end = await bot.memory();
  await bot.stop();
  await rm(dir, { recursive: true, force: true });
  printRows(`Soak: ${minutes} min at c=16, ${round * 2000} turns`, 'start', [
    { name: 'heap used after GC', ours: end.heapUsed / 2 ** 20, baseline: start.heapUsed / 2 ** 20, unit: 'MB', better: 'lower' },
    { name: 'rss', ours: end.rss / 2 ** 20, baseline: start.rss / 2 ** 20, unit: 'MB', better: 'lower' },
  ]);
}
