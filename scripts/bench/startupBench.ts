import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { printRows, type Row } from './table.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** How `npm start` runs the bot today. With the build step: [process.execPath, join(ROOT, 'lib/bot/index.js')]. */
export const BOT_COMMAND: readonly string[] = [TSX, join(ROOT, 'bot/index.ts')];
/** The peer, started the same way as ours: switch it with BOT_COMMAND (lib/scripts/bench/peerMain.js). */
export const PEER_COMMAND: readonly string[] = [TSX, join(ROOT, 'scripts/bench/peerMain.ts')];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** A process and its descendants (the tsx wrapper starts node, which starts esbuild), from /proc (Linux). */
function processTree(pid: number): Array<{ pid: number; name: string; rssMb: number }> {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s*(\S+)/m.exec(status)?.[1] ?? '?';
    const rssMb = Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? NaN) / 1024;
    const children = readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    return [{ pid, name, rssMb }, ...children.flatMap(processTree)];
  } catch {
    return []; // gone, or no /proc here
  }
}

interface Started {
  readonly healthyMs: number;
  /** RSS of the node process that serves HTTP (the deepest node in the tree). */
  readonly botRssMb: number;
  readonly treeRssMb: number;
}

/** Spawns `command`, polls /healthz until 200, waits `idleMs`, reads memory, stops it. */
async function startOnce(command: readonly string[], args: readonly string[], env: Record<string, string>, port: number, idleMs: number): Promise<Started> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-start-'));
  const started = performance.now();
  // cwd is an empty folder, so that no .env of the checkout changes what is measured.
  const child = spawn(command[0]!, [...command.slice(1), ...args], {
    cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, DATA_DIR: join(dir, 'data'), ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let alive = true;
  void exited.then(() => (alive = false));
  try {
    let healthyMs = NaN;
    while (alive && performance.now() - started < 60_000) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (ok) {
        healthyMs = performance.now() - started;
        break;
      }
      await sleep(20);
    }
    if (Number.isNaN(healthyMs)) throw new Error(`${command.join(' ')} did not become healthy: ${stderr}`);
    await sleep(idleMs);
    const tree = processTree(child.pid!);
    const bot = tree.filter((p) => p.name === 'node').at(-1);
    return { healthyMs, botRssMb: bot?.rssMb ?? NaN, treeRssMb: tree.reduce((sum, p) => sum + p.rssMb, 0) };
  } finally {
    const tree = processTree(child.pid!);
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) for (const p of tree) killQuietly(p.pid);
    await rm(dir, { recursive: true, force: true });
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Spawn-to-healthy time and idle memory of ours and the peer, each its own process, alternating. */
export async function runStartupBench(options: { quick: boolean }): Promise<void> {
  const reps = options.quick ? 1 : 3;
  const idleMs = options.quick ? 1_000 : 3_000;
  const ours: Started[] = [];
  const peer: Started[] = [];
  for (let r = 0; r < reps; r++) {
    const oursPort = await freePort();
    ours.push(await startOnce(BOT_COMMAND, [], { PORT: String(oursPort), LOG_LEVEL: 'error', KNOWLEDGE_DIR: join(ROOT, 'knowledge') }, oursPort, idleMs));
    const peerPort = await freePort();
    peer.push(await startOnce(PEER_COMMAND, [String(peerPort)], {}, peerPort, idleMs));
  }
  const figure = (runs: Started[], key: keyof Started) => median(runs.map((s) => s[key]));
  const rows: Row[] = [
    { name: 'spawn to healthy /healthz', ours: figure(ours, 'healthyMs'), baseline: figure(peer, 'healthyMs'), unit: 'ms', better: 'lower', target: { op: '<=', value: 1500, on: 'ours' } },
    { name: 'idle RSS, bot process', ours: figure(ours, 'botRssMb'), baseline: figure(peer, 'botRssMb'), unit: 'MB', better: 'lower', target: { op: '<=', value: 1.3 } },
    { name: 'idle RSS, process tree', ours: figure(ours, 'treeRssMb'), baseline: figure(peer, 'treeRssMb'), unit: 'MB', better: 'lower' },
  ];
  printRows(`Start-up and idle memory: \`${BOT_COMMAND.map((a) => a.replace(`${ROOT}/`, '')).join(' ')}\` vs the peer started the same way, median of ${reps}, RSS after ${idleMs / 1000} s idle`, 'peer', rows);
}
