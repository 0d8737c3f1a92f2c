import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchProcess } from './benchProcess.js';
import { loadSamples, loadTest, summarise, type LoadSamples } from './loadTest.js';
import { atMost, printRows, type Row } from './table.js';

/** Stored conversations that get the measured turns, in both stores. */
const ACTIVE = 100;
const stored = (i: number) => `old-${i}`;
/** The i-th measured turn's conversation, counted from `offset`: one of ACTIVE spread evenly over the store. */
const active = (size: number, offset: number) => (i: number) => stored(((offset + i) % ACTIVE) * (size / ACTIVE));

/** A DATA_DIR holding `count` conversations, each made by one turn over HTTP (the public seam, whatever the store). */
async function filledDataDir(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
  const bot = await startBenchProcess('bot', dir);
  const fill = await loadTest(bot.url, 16, count, 'fill', { conversation: stored });
  await bot.stop();
  if (fill.errors > 0) throw new Error(`${fill.errors} of ${count} turns failed while filling the store`);
  return dir;
}

/**
 * Cost of a turn with many stored conversations against few; baseline is 100. The stores are filled, the
 * bots restarted on them (so nothing is cached from the filling), and both get the same turns: round
 * robin over 100 stored conversations, all of them in the small store, spread over the big one. So each
 * measured conversation has the same history in both (state grows with a conversation's turns), and only
 * the other stored conversations differ. The stores take turns in slices of the load so that machine
 * noise hits them alike.
 */
export async function runStorageBench(options: { quick: boolean }): Promise<void> {
  const sizes = [ACTIVE, options.quick ? 1_000 : 10_000] as const;
  const amount = options.quick ? 600 : 3_000;
  const warm = options.quick ? 100 : 200;
  const slices = 3;
  // Filled side by side (the fill is not measured); started one after the other (the start is).
  const dirs = await Promise.all(sizes.map(filledDataDir));
  const bots = [];
  for (const [n, size] of sizes.entries()) {
    const dir = dirs[n]!;
    const started = performance.now();
    const bot = await startBenchProcess('bot', dir);
    const startMs = performance.now() - started;
    await loadTest(bot.url, 16, warm, 'warm', { conversation: active(size, 0) });
    bots.push({ size, dir, bot, startMs, runs: [] as LoadSamples[] });
  }
  for (let s = 0; s < slices; s++) {
    for (const b of bots) {
      const conversation = active(b.size, warm + s * (amount / slices));
      b.runs.push(await loadSamples(b.bot.url, 16, amount / slices, `grow-${b.size}`, { conversation }));
    }
  }
  for (const b of bots) {
    await b.bot.stop();
    await rm(b.dir, { recursive: true, force: true });
  }
  const [base, big] = bots.map((b) => ({ ...b, ...summarise(b.runs) }));
  if (base.errors + big.errors > 0) console.log(`  (errors: ${big.errors} at ${big.size}, ${base.errors} at ${base.size})`);
  const msPerTurn = (r: { throughput: number }) => 1000 / r.throughput; // wall clock over turns at c=16
  const rows: Row[] = [
    {
      name: `ms per turn at ${big.size}`,
      ours: msPerTurn(big),
      baseline: msPerTurn(base),
      unit: 'ms',
      better: 'lower',
      target: atMost(1.3),
    },
    { name: `latency p50 at ${big.size}`, ours: big.p50, baseline: base.p50, unit: 'ms', better: 'lower' },
    { name: `latency p99 at ${big.size}`, ours: big.p99, baseline: base.p99, unit: 'ms', better: 'lower' },
    // Start-up must not grow with the number of stored conversations (security issue, privacy and expiry).
    { name: `start (fork to ready) at ${big.size}`, ours: big.startMs, baseline: base.startMs, unit: 'ms', better: 'lower' },
  ];
  const title = `Stored conversations: ${big.size} vs ${base.size} (ours, file storage, c=16, ${amount} turns on the same ${ACTIVE})`;
  printRows(title, `${base.size} stored`, rows);
}

/** Heap after GC at the start and the end of a long run at c=16. */
export async function runSoak(minutes: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-soak-'));
  const bot = await startBenchProcess('bot', dir);
  // Warm up past whatever the store bounds (caches, checkpoints; each new conversation adds two keys),
  // so the comparison shows growth, not caches filling up.
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
