import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

export interface BotProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** SIGTERM and wait: the graceful path. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: the crash path (kill -9). */
  kill(): Promise<void>;
}

/** Starts bot/index.ts (the real composition root) as a child process and waits until it listens. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start: ${output}`)), 60_000);
    const onData = (c: Buffer) => {
      output += c.toString();
      const m = /Bot ready: POST (http:\/\/\S+)\/api\/messages/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`bot exited ${code}: ${output}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const code = await exited;
    process.off('exit', killOnExit);
    return code;
  };
  return { child, url, output: () => output, stop: () => end('SIGTERM'), kill: async () => void (await end('SIGKILL')) };
}
