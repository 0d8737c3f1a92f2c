import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { FileStore } from '../../../bot/store/fileStore.js';
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

function startWriter(root: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, root], { stdio: ['ignore', 'pipe', 'inherit'] });
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

describe('FileStore under kill -9', function () {
  this.timeout(120_000);

  it('always leaves readable files with every acknowledged write, over 8 kills at varying moments', async () => {
    const dir = await makeTempDir();
    try {
      let previous = 0;
      const everAcknowledged: number[] = [];
      for (let round = 0; round < 8; round++) {
        const writer = startWriter(dir.path);
        await writer.ready;
        await writer.acked(previous + 3 + (round % 7));
        await new Promise((r) => setTimeout(r, round % 5));
        await killHard(writer.child);
        everAcknowledged.push(...writer.acknowledged);

        const store = new FileStore(dir.path);
        const counter = Number((await store.read(['meta/counter']))['meta/counter']?.value);
        expect(counter, `round ${round}`).to.be.at.least(writer.acks());
        const keys = everAcknowledged.map((n) => `items/${n}`);
        expect(Object.keys(await store.read(keys)), `round ${round}`).to.have.length(keys.length);
        // Every file that exists parses: a torn write never replaces a document.
        expect((await store.list('items/')).length, `round ${round}`).to.be.at.least(keys.length);
        previous = counter;
      }
    } finally {
      await dir.remove();
    }
  });
});
