import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchProcess } from './benchProcess.js';
import { loadTest } from './loadTest.js';
import { printRows, type Row } from './table.js';

/** Turn throughput and latency of the real bot against a bare echo bot on the same server stack. */
export async function runHttpBench(options: { quick: boolean }): Promise<void> {
  const amount = options.quick ? 1_000 : 10_000;
  const rows: Row[] = [];
  for (const connections of [1, 16, 64]) {
    const dir = await mkdtemp(join(tmpdir(), 'bench-http-'));
    const echo = await startBenchProcess('echo', join(dir, 'echo'));
    await loadTest(echo.url, connections, Math.min(200, amount), 'warm-echo');
    const base = await loadTest(echo.url, connections, amount, `echo-${connections}`);
    await echo.stop();
    const bot = await startBenchProcess('bot', join(dir, 'bot'));
    await loadTest(bot.url, connections, Math.min(200, amount), 'warm-bot');
    const ours = await loadTest(bot.url, connections, amount, `bot-${connections}`);
    await bot.stop();
    await rm(dir, { recursive: true, force: true });
    if (ours.errors + base.errors > 0) console.log(`  (errors at c=${connections}: bot ${ours.errors}, echo ${base.errors})`);
    rows.push(
      { name: `throughput c=${connections}`, ours: ours.throughput, baseline: base.throughput, unit: 'turn/s', better: 'higher' },
      { name: `latency p50 c=${connections}`, ours: ours.p50, baseline: base.p50, unit: 'ms', better: 'lower' },
      { name: `latency p99 c=${connections}`, ours: ours.p99, baseline: base.p99, unit: 'ms', better: 'lower' },
    );
  }
  printRows(`HTTP turns, ${amount} requests per run, distinct conversations, deliveryMode=expectReplies`, 'echo bot', rows);
}
