// npm run smoke:production: the bot as a production install runs it. The build happens here (it needs dev
// tools); a temporary copy of the project gets lib/ and `npm ci --omit=dev`, then `node lib/bot/index.js`
// answers one Chinese and one English question, the ticket console works from lib/, and the bot stops.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', '.git', 'lib', 'data', 'dist', 'tmp-scratch', 'coverage', 'bench-results.json', '.env']);
const HAN = /\p{Script=Han}/u;

function check(ok: boolean, what: string, detail = ''): void {
  if (!ok) throw new Error(`${what}${detail ? `: ${detail}` : ''}`);
  console.log(`  ok  ${what}`);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  // npm is npm.cmd on Windows, which only a shell starts.
  const result = spawnSync(cmd, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Bytes of the files under `path` (links not followed). */
function sizeOf(path: string): number {
  const stat = lstatSync(path);
  return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stat.size;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function ask(url: string, conversation: string, text: string, locale: string): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${conversation}`,
      channelId: 'emulator',
      serviceUrl: url,
      deliveryMode: 'expectReplies',
      locale,
      text,
      from: { id: `u-${conversation}`, role: 'user' },
      recipient: { id: 'bot', role: 'bot' },
      conversation: { id: conversation },
    }),
  });
  const body = (await res.json()) as { activities?: Array<{ type: string; text?: string; attachments?: unknown[] }> };
  check(res.status === 200, `"${text}" answered 200`, String(res.status));
  const replies = (body.activities ?? []).filter((a) => a.type === 'message');
  check(replies.length > 0, `"${text}" got a message back`);
  return JSON.stringify(replies.map((a) => [a.text, a.attachments]));
}

async function smoke(dir: string): Promise<void> {
  console.log('production smoke test: build, then a production install in', dir);
  run(process.execPath, [join(ROOT, 'scripts/build.mjs')], ROOT);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(relative(ROOT, src).split(/[\\/]/)[0]!) });
  cpSync(join(ROOT, 'lib'), join(dir, 'lib'), { recursive: true });
  run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], dir, { ...process.env, npm_config_yes: 'true' });
  const devOnly = ['tsx', 'botframework-webchat'].filter((name) => existsSync(join(dir, 'node_modules', name)));
  check(devOnly.length === 0, 'no tsx, no Web Chat bundle', devOnly.join(', '));
  console.log(`  (node_modules of the production install: ${Math.round(sizeOf(join(dir, 'node_modules')) / 1e6)} MB)`);

  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  const bot = spawn(process.execPath, ['lib/bot/index.js'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  bot.stdout.on('data', (c: Buffer) => (output += c.toString()));
  bot.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => bot.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    let healthy = false;
    for (const started = Date.now(); !healthy && bot.exitCode === null && Date.now() - started < 60_000; await sleep(100)) {
      healthy = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    }
    check(healthy, 'node lib/bot/index.js is healthy', output);
    const zh = await ask(url, 'smoke-zh', '怎么在电脑上的 Outlook 里添加公司邮箱？', 'zh-CN');
    check(HAN.test(zh) && /outlook/i.test(zh), 'the Chinese question is answered in Chinese, about Outlook', zh.slice(0, 300));
    const en = await ask(url, 'smoke-en', 'How do I add my company mailbox to Outlook on my computer?', 'en-US');
    check(!HAN.test(en) && /outlook/i.test(en), 'the English question is answered in English, about Outlook', en.slice(0, 300));
    const page = await fetch(`${url}/`, { headers: { 'accept-language': 'en' } });
    check(page.status === 503 && (await page.text()).includes('npm install'), 'GET / says how to install the Web Chat page');
  } finally {
    if (bot.exitCode === null) bot.kill('SIGTERM');
  }
  check((await exited) === 0 || process.platform === 'win32', 'the bot stops cleanly on SIGTERM', output.slice(-500));
  run('npm', ['run', '--silent', 'tickets', '--', 'list', '--json'], dir, { PATH: process.env.PATH ?? '', DATA_DIR: join(dir, 'data') });
  check(true, 'npm run tickets runs from lib/ without dev dependencies');
}

const dir = mkdtempSync(join(tmpdir(), 'smoke-production-'));
try {
  await smoke(dir);
  console.log('production smoke test passed');
} catch (err) {
  console.error(`production smoke test FAILED: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
