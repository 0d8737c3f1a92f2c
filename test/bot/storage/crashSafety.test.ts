import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { lockDataDir } from '../../../bot/storage/dataDirLock.js';
import { DataDirLockedError } from '../../../bot/storage/errors.js';
import { ShardedFileStore } from '../../../bot/storage/shardedFileStore.js';
import { makeTempDir } from '../../support/tempDir.js';

const WRITER = join(import.meta.dirname, '../../support/crashWriter.ts');

interface Writer {
  child: ChildProcess;
  /** Every number whose write this child acknowledged. */
  acknowledged: number[];
  acks: () => number;
  ready: Promise<void>;
  acked: (n: number) => Promise<void>;
}

function startWriter(dataDir: string, checkpointAfter?: number): Writer {
  const args = checkpointAfter === undefined ? [] : [String(checkpointAfter)];
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let last = 0;
  const acknowledged: number[] = [];
  let buffer = '';
  const listeners: Array<() => void> = [];
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') resolveReady();
      const m = /^ack (\d+)$/.exec(line);
      if (m) {
        last = Number(m[1]);
        acknowledged.push(last);
      }
    }
    listeners.splice(0).forEach((l) => l());
  });
  const acked = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => (last >= n ? resolve() : listeners.push(check));
      check();
    });
  return { child, acknowledged, acks: () => last, ready, acked };
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('storage under kill -9', function () {
  this.timeout(120_000);

  it('refuses a second process on the same DATA_DIR while the first is alive', async () => {
    const dir = await makeTempDir();
    const writer = startWriter(dir.path);
    try {
      await writer.ready;
      let error: unknown;
      try {
        await lockDataDir(dir.path);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(DataDirLockedError);
      expect((error as Error).message).to.include(String(writer.child.pid));
    } finally {
      await killHard(writer.child);
      await dir.remove();
    }
  });

  /** Kills a writer 20 times at varying moments; after each, every acknowledged write must be there. */
  async function killRepeatedly({ checkpointAfter, writes }: { checkpointAfter?: number; writes: (round: number) => number }): Promise<void> {
    const dir = await makeTempDir();
    try {
      let previous = 0;
      const everAcknowledged: number[] = [];
      for (let round = 0; round < 20; round++) {
        const writer = startWriter(dir.path, checkpointAfter);
        await writer.ready;
        await writer.acked(previous + writes(round));
        await new Promise((r) => setTimeout(r, round % 5));
        await killHard(writer.child);
        const acknowledged = writer.acks();
        everAcknowledged.push(...writer.acknowledged);

        const store = await ShardedFileStore.open(join(dir.path, 'state'));
        const counter = Number((await store.read(['counter'])).counter?.value);
        expect(counter, `round ${round}`).to.be.at.least(acknowledged);
        const keys = everAcknowledged.map((n) => `item-${n}`);
        const items = await store.read(keys);
        expect(Object.keys(items), `round ${round}`).to.have.length(keys.length);
        previous = counter;
        await store.close();
      }
    } finally {
      await dir.remove();
    }
  }

  it('always leaves parseable files with every acknowledged write, over 20 kills', () => killRepeatedly({ writes: (round) => 3 + (round % 7) }));

  // A checkpoint every 5 keys; past 15, writes wait for the first one, so these kills come after the thread started.
  it('loses nothing acknowledged when the kill comes while the checkpoint thread copies files', () =>
    killRepeatedly({ checkpointAfter: 5, writes: (round) => 20 + 3 * (round % 7) }));
});
