import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Runs a command of the project with the given environment; resolves with its exit code and output. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('an invalid knowledge base', function () {
  this.timeout(60_000);

  it('stops the bot at start-up, naming the file and line, without a stack trace; check:knowledge says the same', async () => {
    const dir = await makeTempDir('bad-kb-');
    try {
      await cp(join(ROOT, 'knowledge'), join(dir.path, 'knowledge'), { recursive: true });
      const file = join(dir.path, 'knowledge/articles/billing/fapiao.en.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('  - billing/view-invoice\n', '  - billing/no-such-article\n'));
      const env = { KNOWLEDGE_DIR: join(dir.path, 'knowledge'), DATA_DIR: join(dir.path, 'data'), PORT: '0' };

      const bot = await run([join(ROOT, 'bot/index.ts')], env);
      expect(bot.code).to.equal(1);
      expect(bot.output).to.match(/fapiao\.en\.md:\d+: related link "billing\/no-such-article" points to no article/);
      expect(bot.output).to.not.match(/\n\s+at /);
      expect(bot.output).to.not.include('Bot ready');

      const check = await run([join(ROOT, 'scripts/checkKnowledge.ts')], env);
      expect(check.code).to.equal(1);
      expect(check.output).to.match(/fapiao\.en\.md:\d+: related link "billing\/no-such-article" points to no article/);
    } finally {
      await dir.remove();
    }
  });
});
