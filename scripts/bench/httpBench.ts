import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchProcess, type BenchMode } from './benchProcess.js';
import { loadSamples, loadTest, spread, summarise, TURNS_PER_CONVERSATION, type LoadSamples } from './loadTest.js';
import { atLeast, atMost, printRows, type Row } from './table.js';

const MODES: readonly BenchMode[] = ['bot', 'peer', 'echo'];

/**
 * Turn throughput and latency of the real bot (file storage) against the core-bot-shaped peer, with the
 * bare echo bot as the floor. All three run side by side and take turns in slices of the load, so that a
 * busy machine slows them alike instead of whichever happened to run at the bad moment.
 */
export async function runHttpBench(options: { quick: boolean }): Promise<void> {
  const amount = options.quick ? 400 : 6_000;
  // The bot has far more code for the JIT to warm up than the others; all get the same warm-up.
  const warm = options.quick ? 100 : 1_000;
  const slices = options.quick ? 2 : 4;
  const rows: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), 'bench-http-'));
  const servers = await Promise.all(MODES.map((mode) => startBenchProcess(mode, join(dir, mode))));
  for (const connections of [1, 16, 64]) {
    for (const server of servers) await loadTest(server.url, connections, warm, 'warm', spread(`warm-${connections}`, warm, connections));
    const runs: LoadSamples[][] = servers.map(() => []);
    for (let slice = 0; slice < slices; slice++) {
      for (const [s, server] of servers.entries()) {
        const runId = `${MODES[s]}-${connections}-${slice}`;
        runs[s]!.push(await loadSamples(server.url, connections, amount / slices, runId, spread(runId, amount / slices, connections)));
      }
    }
    const [ours, peer, echo] = runs.map((r) => summarise(r));
    if (ours.errors + peer.errors + echo.errors > 0) {
      console.log(`  (errors at c=${connections}: bot ${ours.errors}, peer ${peer.errors}, echo ${echo.errors})`);
    }
    const at16 = connections === 16;
    const figures = (key: 'throughput' | 'p50' | 'p99') => ({ ours: ours[key], baseline: peer[key], floor: echo[key] });
    const target = (t: Row['target']) => (at16 ? { target: t } : {});
    rows.push(
      { name: `throughput c=${connections}`, ...figures('throughput'), unit: 'turn/s', better: 'higher', ...target(atLeast(0.8)) },
      { name: `latency p50 c=${connections}`, ...figures('p50'), unit: 'ms', better: 'lower' },
      { name: `latency p99 c=${connections}`, ...figures('p99'), unit: 'ms', better: 'lower', ...target(atMost(1.5)) },
    );
  }
  await Promise.all(servers.map((s) => s.stop()));
  await rm(dir, { recursive: true, force: true });
  printRows(
    `HTTP turns: ${amount} per server and concurrency in ${slices} alternating slices, up to ${TURNS_PER_CONVERSATION} turns per ` +
      'conversation, expectReplies; ours on file storage, peer = core-bot shape on MemoryStorage, floor = echo bot',
    'peer',
    rows,
    'echo',
  );
}
