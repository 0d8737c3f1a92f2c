import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { HealthNoticeStore } from '../../bot/health/healthNoticeStore.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { messages } from '../../bot/i18n/messages.js';
import { silentLogger } from '../../bot/log.js';
import { literalForMessage } from '../../bot/text/literal.js';
import { runHealthCommand } from '../../scripts/lib/healthCommand.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { LoopbackConnector } from '../support/loopbackConnector.js';
import { message, post } from '../support/post.js';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const TITLE = 'Mail delays <b>邮件延迟</b>';

/** `npm run health -- …` as a separate process, while the bot runs on the same DATA_DIR. */
function healthCli(dataDir: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts/health.ts'), ...args],
      { cwd: dataDir, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } },
      (err, _stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stderr }),
    );
  });
}

describe('incident resolved: a proactive message through the loopback connector', function () {
  this.timeout(30_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let serviceUrl: string;
  let app: RunningApp;

  before(async () => {
    dir = await makeTempDir('health-notify-');
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    const recognizer = new FakeRecognizer([[/down|挂/i, 'service_health']]);
    app = await startApp({
      config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }),
      logger: silentLogger,
      recognizer,
      pollMs: { health: 50 },
    });
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await dir.remove();
  });

  const say = (conversation: string, user: string, text: string, locale: string) =>
    post(`${app.url}/api/messages`, message(serviceUrl, conversation, text, { from: { id: user, name: user, role: 'user' }, locale }));
  const textsIn = (conversation: string) => connector.forConversation(conversation).map((a) => a.text ?? '');

  it('each subscriber is told in their language once `npm run health -- clear` ends the incident', async () => {
    await runHealthCommand(
      ['set', 'exchange', 'serviceInterruption', TITLE],
      new HealthNoticeStore(new FileStore(join(dir.path, 'store'))),
      { out: () => undefined, now: () => new Date() },
    );
    expect((await say('conv-en', 'user-en', 'is anything down?', 'en-US')).status).to.equal(200);
    expect(textsIn('conv-en').at(-1)).to.equal(messages('en').health.offerNotify);
    await say('conv-en', 'user-en', 'yes', 'en-US');
    expect(textsIn('conv-en').at(-1)).to.equal(messages('en').health.notifyConfirmed(1));
    await say('conv-zh', 'user-zh', '是不是挂了', 'zh-CN');
    await say('conv-zh', 'user-zh', '好的', 'zh-CN');
    expect(textsIn('conv-zh').at(-1)).to.equal(messages('zh-CN').health.notifyConfirmed(1));

    const before = connector.received.length;
    const cli = await healthCli(dir.path, 'clear', 'exchange');
    expect(cli.code, cli.stderr).to.equal(0);
    await connector.waitFor(before + 2, 10_000);

    expect(textsIn('conv-en').at(-1)).to.equal(messages('en').health.resolvedNotice('exchange', literalForMessage(TITLE)));
    expect(textsIn('conv-zh').at(-1)).to.equal(messages('zh-CN').health.resolvedNotice('exchange', literalForMessage(TITLE)));
    expect(textsIn('conv-en').at(-1)).to.include('&lt;b&gt;');
    // Told once: several more polls (every 50 ms) send nothing further.
    const told = connector.received.length;
    await new Promise((r) => setTimeout(r, 400));
    expect(connector.received.length).to.equal(told);
  });
});
