import { expect } from 'chai';
import { existsSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { messages } from '../../../bot/i18n/messages.js';
import { silentLogger } from '../../../bot/log.js';
import { CUSTOMER_RULES } from '../../support/customerHarness.js';
import { FakeRecognizer } from '../../support/fakeRecognizer.js';
import { makeTempDir } from '../../support/tempDir.js';
import { turn } from '../../support/turn.js';

/** The whole transcripts folder as text, once `ready` holds (logging finishes after the reply is sent). */
async function transcriptText(root: string, ready: (text: string, files: string[]) => boolean): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const files: string[] = [];
    for (const channel of await fs.readdir(root).catch(() => [] as string[])) {
      for (const name of await fs.readdir(join(root, channel))) files.push(join(root, channel, name));
    }
    const text = (await Promise.all(files.map((f) => fs.readFile(f, 'utf8')))).join('');
    if (ready(text, files)) return text;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the expected transcript lines never appeared under ${root}`);
}

describe('transcripts', function () {
  this.timeout(60_000);

  it('are off by default: turns leave no transcript behind', async () => {
    const dir = await makeTempDir();
    const app = await startApp({
      config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }),
      logger: silentLogger,
      recognizer: new FakeRecognizer(),
    });
    await turn(app.url, 'off-1', 'my mail is wang.lei@contoso.cn');
    await app.stop();
    expect(existsSync(join(dir.path, 'transcripts'))).to.equal(false);
    await dir.remove();
  });

  describe('with TRANSCRIPTS=on', () => {
    let dir: Awaited<ReturnType<typeof makeTempDir>>;
    let app: RunningApp;
    before(async () => {
      dir = await makeTempDir();
      app = await startApp({
        config: loadConfig({ DATA_DIR: dir.path, PORT: '0', TRANSCRIPTS: 'on' }),
        logger: silentLogger,
        recognizer: new FakeRecognizer(CUSTOMER_RULES),
      });
    });
    after(async () => {
      await app.stop();
      await dir.remove();
    });

    it('keeps both sides of the conversation without e-mail addresses, phone numbers or ID numbers', async () => {
      const c = 'tx-1';
      const steps = [
        'I want to sign up',
        'Contoso 上海 Ltd',
        'contoso-sh',
        '王磊',
        'wang.lei@contoso.cn',
        '+86 138 1234 5678',
        'Office 365 E3, 身份证 11010519491231002X',
      ];
      for (const text of steps) await turn(app.url, c, text);
      const confirm = await turn(app.url, c, 'no');
      expect(confirm.length).to.be.greaterThan(0);
      // Each user turn logs its message and at least one reply.
      const declined = messages('en').customer.setup.signUpDeclined;
      const text = await transcriptText(join(dir.path, 'transcripts'), (t) => t.includes(declined));
      expect(text).to.include('Contoso 上海 Ltd').and.include('[email]').and.include('[phone]').and.include('[ID number]');
      expect(text).to.not.include('wang.lei@contoso.cn');
      expect(text).to.not.match(/138\D?1234\D?5678/);
      expect(text).to.not.include('11010519491231002X');
      // The confirmation the bot showed (it repeats the e-mail and mobile) is redacted too.
      const botTexts = text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { activity: { type?: string; from?: { role?: string }; text?: string } }).activity)
        .filter((a) => a.type === 'message' && a.from?.role === 'bot')
        .map((a) => a.text ?? '');
      expect(botTexts.some((t) => t.includes('[email]') && t.includes('[phone]') && t.includes('王磊'))).to.equal(true);
    });

    it('never writes outside the transcripts folder, whatever the channel id', async () => {
      await turn(app.url, 'tx-2', 'hello', { channelId: '..' });
      await turn(app.url, 'tx-3', 'hello', { channelId: '../../etc' });
      await transcriptText(join(dir.path, 'transcripts'), (_t, files) => files.filter((f) => !f.includes('c-emulator')).length >= 2);
      const top = await fs.readdir(dir.path);
      expect(top.filter((n) => n.endsWith('.jsonl'))).to.deep.equal([]);
      for (const channel of await fs.readdir(join(dir.path, 'transcripts'))) expect(channel).to.match(/^[ch]-[A-Za-z0-9_-]+$/);
    });
  });
});
