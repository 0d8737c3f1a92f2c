import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot/index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = /Bot ready: POST (http:\/\/\S+)\/api\/messages/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exit, output: () => output };
}

describe('bot/index.ts (the process)', function () {
  this.timeout(60_000);

  it('starts, answers /healthz, and on SIGTERM exits 0; a second bot on the same DATA_DIR runs beside it', async () => {
    const dir = await makeTempDir();
    const bot = start({ DATA_DIR: dir.path, PORT: '0' });
    const url = await bot.ready;
    expect((await fetch(`${url}/healthz`)).status).to.equal(200);

    // No folder lock: the store is safe for several processes (the CLIs, or a second bot in a test).
    const second = start({ DATA_DIR: dir.path, PORT: '0' });
    expect((await fetch(`${await second.ready}/healthz`)).status).to.equal(200);
    second.child.kill('SIGTERM');
    expect(await second.exit).to.equal(0);

    bot.child.kill('SIGTERM');
    expect(await bot.exit).to.equal(0);
    await dir.remove();
  });

  it('refuses to start on bad configuration, naming every bad key, without a stack trace', async () => {
    const bot = start({ MicrosoftAppId: '1234,', PORT: 'x', DATA_DIR: '/tmp/never-used-by-this-test' });
    expect(await bot.exit).to.equal(1);
    expect(bot.output()).to.include('MicrosoftAppId').and.include('PORT');
    expect(bot.output()).to.not.match(/\n\s+at /);
  });
});
