import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: Promise<string>;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** `npm run playground -- -p 0` in a folder without a .env, with the given environment. */
function playground(cwd: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'scripts/playground.ts'), '-p', '0'], { cwd, env });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Microsoft 365 Agents Playground: (http:\/\/localhost:\d+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', look);
    child.stderr.on('data', look);
    child.once('exit', (code) => reject(new Error(`exited ${code} before printing its URL:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('npm run playground (Microsoft 365 Agents Playground wrapper)', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let marker: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = await makeTempDir('playground-');
    // A stand-in xdg-open first on PATH: it records being asked, and no real browser ever starts.
    marker = join(dir.path, 'xdg-open-called');
    await writeFile(join(dir.path, 'xdg-open'), `#!/bin/sh\necho "$@" > "${marker}"\n`);
    await chmod(join(dir.path, 'xdg-open'), 0o755);
    env = { PATH: `${dir.path}:${process.env.PATH ?? ''}`, HOME: dir.path, DATA_DIR: join(dir.path, 'data'), PORT: '9' };
  });
  afterEach(() => dir.remove());

  it('without a desktop: prints the URL, serves the Playground there, opens no browser, logs under DATA_DIR', async () => {
    const run = playground(dir.path, env);
    try {
      const url = await run.url;
      const page = await fetch(url);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.match(/<html/i);
      expect(run.output()).to.include('http://127.0.0.1:9/api/messages');
      expect(run.output()).to.include('none was opened here');
      // The Playground opens its browser right after it listens; give a stray xdg-open time to show up.
      expect(await until(() => existsSync(marker), 1500)).to.equal(false);
      expect(existsSync(join(dir.path, 'data', 'm365agentsplayground.log'))).to.equal(true);
      expect(existsSync(join(dir.path, 'devTools'))).to.equal(false);
    } finally {
      await run.stop();
    }
  });

  it('with a desktop (DISPLAY and xdg-open): lets the Playground open its page', async () => {
    const run = playground(dir.path, { ...env, DISPLAY: ':99' });
    try {
      const url = await run.url;
      expect(await until(() => existsSync(marker), 15_000)).to.equal(true);
      expect(run.output()).to.not.include('none was opened here');
      expect(url).to.match(/^http:\/\/localhost:\d+$/);
    } finally {
      await run.stop();
    }
  });
});
