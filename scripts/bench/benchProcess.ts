import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export type BenchMode = 'bot' | 'echo' | 'peer';

export interface BenchProcess {
  readonly url: string;
  memory(): Promise<{ heapUsed: number; rss: number }>;
  stop(): Promise<void>;
}

const SERVER = join(import.meta.dirname, 'benchServer.ts');

/** Starts benchServer.ts in its own process so load generator and bot do not share a heap; `knowledgeDir` replaces KNOWLEDGE_DIR. */
export async function startBenchProcess(mode: BenchMode, dataDir: string, knowledgeDir?: string): Promise<BenchProcess> {
  const child: ChildProcess = fork(SERVER, [mode, dataDir, ...(knowledgeDir ? [knowledgeDir] : [])], {
    // --no-deprecation: restify's spdy dependency warns about process.binding on every start.
    execArgv: ['--import', 'tsx', '--expose-gc', '--no-deprecation'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /ready (\S+)/.exec(buffer);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  return {
    url,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as { heapUsed: number; rss: number }));
        child.send('mem');
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
