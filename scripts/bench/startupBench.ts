import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { atMost, printRows, type Row } from './table.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** How `npm start` runs the bot: the compiled build (npm run build). */
export const BOT_COMMAND: readonly string[] = [process.execPath, join(ROOT, 'lib/bot/index.js')];
/** The peer, started the same way as ours. */
export const PEER_COMMAND: readonly string[] = [process.execPath, join(ROOT, 'lib/scripts/bench/peerMain.js')];

interface Launch {
  readonly command: readonly string[];
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly port: number;
}

interface Started {
  readonly healthyMs: number;
  /** CPU time (user + system) the process tree had used when it became healthy: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  /** RSS of the node process that serves HTTP (the deepest node in the tree). */
  readonly botRssMb: number;
  readonly treeRssMb: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** A process and its descendants, from /proc (Linux). */
function processTree(pid: number): Array<{ pid: number; name: string; rssMb: number }> {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const name = /^Name:\s*(\S+)/m.exec(status)?.[1] ?? '?';
    const rssMb = Number(/^VmRSS:\s*(\d+)/m.exec(status)?.[1] ?? NaN) / 1024;
    const childrenOf = (task: string) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    return [{ pid, name, rssMb }, ...readdirSync(`/proc/${pid}/task`).flatMap(childrenOf).flatMap(processTree)];
  } catch {
    return []; // gone, or no /proc here
  }
}

/** User + system CPU of a process and its descendants, from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
function treeCpuMs(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    try {
      const fields = readFileSync(`/proc/${p.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Spawns the command, polls /healthz until 200, stays idle for `idleMs`, reads memory, stops it. */
async function startOnce({ command, args = [], env = {}, port }: Launch, idleMs: number): Promise<Started> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-start-'));
  const started = performance.now();
  // cwd is an empty folder, so that no .env of the checkout changes what is measured.
  const child = spawn(command[0]!, [...command.slice(1), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, DATA_DIR: join(dir, 'data'), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  let alive = true;
  const exited = new Promise<void>((done) => child.once('exit', () => ((alive = false), done())));
  try {
    let healthyMs = NaN;
    let cpuMs = NaN;
    while (alive && Number.isNaN(healthyMs) && performance.now() - started < 60_000) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        healthyMs = performance.now() - started;
        cpuMs = treeCpuMs(child.pid!);
      } else await sleep(20);
    }
    if (Number.isNaN(healthyMs)) throw new Error(`${command.join(' ')} did not become healthy: ${stderr}`);
    await sleep(idleMs);
    const tree = processTree(child.pid!);
    const bot = tree.filter((p) => p.name === 'node').at(-1);
    return { healthyMs, cpuMs, botRssMb: bot?.rssMb ?? NaN, treeRssMb: tree.reduce((sum, p) => sum + p.rssMb, 0) };
  } finally {
    const tree = processTree(child.pid!);
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) for (const p of tree) killQuietly(p.pid);
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Spawn-to-healthy time and idle memory of ours and the peer, each its own process, alternating. */
export async function runStartupBench(options: { quick: boolean }): Promise<void> {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed: the start-up bench measures the compiled bot');
  const reps = options.quick ? 1 : 3;
  const idleMs = options.quick ? 1_000 : 3_000;
  const ours: Started[] = [];
  const peer: Started[] = [];
  for (let r = 0; r < reps; r++) {
    const oursPort = await freePort();
    const oursEnv = { PORT: String(oursPort), LOG_LEVEL: 'error', KNOWLEDGE_DIR: join(ROOT, 'knowledge') };
    ours.push(await startOnce({ command: BOT_COMMAND, env: oursEnv, port: oursPort }, idleMs));
    const peerPort = await freePort();
    peer.push(await startOnce({ command: PEER_COMMAND, args: [String(peerPort)], port: peerPort }, idleMs));
  }
  const figures = (key: keyof Started) => ({ ours: median(ours.map((s) => s[key])), baseline: median(peer.map((s) => s[key])) });
  const rows: Row[] = [
    { name: 'spawn to healthy /healthz', ...figures('healthyMs'), unit: 'ms', better: 'lower', target: atMost(1500, 'ours') },
    { name: 'CPU time used until healthy', ...figures('cpuMs'), unit: 'ms', better: 'lower' },
    { name: 'idle RSS, bot process', ...figures('botRssMb'), unit: 'MB', better: 'lower', target: atMost(1.3) },
    { name: 'idle RSS, process tree', ...figures('treeRssMb'), unit: 'MB', better: 'lower' },
  ];
  const command = BOT_COMMAND.map((a) => a.replace(`${ROOT}/`, '')).join(' ');
  const title = `Start-up and idle memory: \`${command}\` vs the peer started the same way, median of ${reps}, RSS after ${idleMs} ms idle`;
  printRows(title, 'peer', rows);
}
