import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchProcess } from './benchProcess.js';
import { loadSamples, loadTest, summarise, type LoadSamples } from './loadTest.js';
import { printRows, type Row } from './table.js';


/**
 * Turn throughput and latency of the real bot against a bare echo bot on the same server stack. Both
 * run side by side and take turns in slices of the load, so that a busy machine slows both alike
 * instead of whichever happened to run at the bad moment.
 */
export async function runHttpBench(options: { quick: boolean }): Promise<void> {
  const amount = options.quick ? 1_000 : 10_000;
  // The bot has far more code for the JIT to warm up than the echo bot; both get the same warm-up.
  const warm = options.quick ? 300 : 1_000;
  const SLICES = options.quick ? 2 : 5;
  const rows: Row[] = [];
  for (const connections of [1, 16, 64]) {
    const dir = await mkdtemp(join(tmpdir(), 'bench-http-'));
    const [echo, bot] = await Promise.all([startBenchProcess('echo', join(dir, 'echo')), startBenchProcess('bot', join(dir, 'bot'))]);
    await loadTest(echo.url, connections, warm, 'warm-echo');
    await loadTest(bot.url, connections, warm, 'warm-bot');
    const runs: { echo: LoadSamples[]; bot: LoadSamples[] } = { echo: [], bot: [] };
    for (let s = 0; s < SLICES; s++) {
      runs.echo.push(await loadSamples(echo.url, connections, amount / SLICES, `echo-${connections}-${s}`));
      runs.bot.push(await loadSamples(bot.url, connections, amount / SLICES, `bot-${connections}-${s}`));
    }
    await Promise.all([echo.stop(), bot.stop()]);
    await rm(dir, { recursive: true, force: true });
    const base = summarise(runs.echo);
    const ours = summarise(runs.bot);
    if (ours.errors + base.errors > 0) console.log(`  (errors at c=${connections}: bot ${ours.errors}, echo ${base.errors})`);
    rows.push(
      { name: `throughput c=${connections}`, ours: ours.throughput, baseline: base.throughput, unit: 'turn/s', better: 'higher' },
      { name: `latency p50 c=${connections}`, ours: ours.p50, baseline: base.p50, unit: 'ms', better: 'lower' },
      { name: `latency p99 c=${connections}`, ours: ours.p99, baseline: base.p99, unit: 'ms', better: 'lower' },
    );
  }
  printRows(`HTTP turns, ${amount} requests per server and concurrency (in ${SLICES} alternating slices), distinct conversations, deliveryMode=expectReplies`, 'echo bot', rows);
}
