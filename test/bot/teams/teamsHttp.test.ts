import { expect } from 'chai';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { messages } from '../../../bot/i18n/messages.js';
import { silentLogger } from '../../../bot/log.js';
import { FakeRecognizer } from '../../support/fakeRecognizer.js';
import { LoopbackConnector } from '../../support/loopbackConnector.js';
import { message, post } from '../../support/post.js';
import { BOT, OTHER_USER, TENANT_A, TENANT_B, teamsInstall, teamsMessage } from '../../support/teamsActivity.js';
import { makeTempDir } from '../../support/tempDir.js';
import { activityCardProblems } from '../../support/adaptiveCard15.js';

const zh = messages('zh-CN');
const en = messages('en');

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else out.push(`${p}:${(await fs.stat(p)).size}`);
    }
  };
  await walk(dir);
  return out.sort();
}

describe('Microsoft Teams over HTTP', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let serviceUrl: string;
  let app: RunningApp;
  let endpoint: string;
  const recognizer = new FakeRecognizer();

  before(async () => {
    dir = await makeTempDir();
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    const config = loadConfig({ DATA_DIR: dir.path, PORT: '0', ALLOWED_TENANTS: `${TENANT_A.toUpperCase()}` });
    app = await startApp({ config, logger: silentLogger, recognizer });
    endpoint = `${app.url}/api/messages`;
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await dir.remove();
  });

  /** Posts an activity, and returns what the bot sent back to the connector for it. */
  async function exchange(activity: { conversation: { id: string } }, expected = 1) {
    const before = connector.received.length;
    const res = await post(endpoint, activity);
    expect(res.status).to.equal(200);
    await connector.waitFor(before + expected);
    return connector.received.slice(before);
  }

  describe('@mentions', () => {
    it('in a channel: the bot’s <at> tag and entity go before recognition; an English name with Chinese text gets Chinese', async () => {
      const seen = recognizer.seen.length;
      const activity = teamsMessage(serviceUrl, `<at>${BOT.name}</at> 你好`, { scope: 'channel', mentions: [BOT], locale: 'en-US' });
      const [reply] = await exchange(activity);
      expect(recognizer.seen.slice(seen)).to.deep.equal(['你好']);
      expect(reply!.activity.text).to.equal(zh.greeting);
    });

    it('in a group chat: a Chinese display name directly followed by English text gets English', async () => {
      const zhName = { id: BOT.id, name: 'CSP 支持助手' };
      const seen = recognizer.seen.length;
      const [reply] = await exchange(
        teamsMessage(serviceUrl, '<at>CSP 支持助手</at>hello', { scope: 'groupChat', mentions: [zhName], locale: 'zh-CN' }),
      );
      expect(recognizer.seen.slice(seen)).to.deep.equal(['hello']);
      expect(reply!.activity.text).to.equal(en.greeting);
    });

    it('a name split into one tag per word, and another person’s mention kept as a plain name', async () => {
      const seen = recognizer.seen.length;
      const text = `<at>CSP</at>&nbsp;<at>Support</at> thanks for asking <at>${OTHER_USER.name}</at>`;
      const mentions = [
        { id: BOT.id, name: BOT.name, text: '<at>CSP</at>' },
        { id: BOT.id, name: BOT.name, text: '<at>Support</at>' },
        { id: OTHER_USER.id, name: OTHER_USER.name },
      ];
      const [reply] = await exchange(teamsMessage(serviceUrl, text, { scope: 'channel', mentions }));
      expect(recognizer.seen.slice(seen)).to.deep.equal([`thanks for asking ${OTHER_USER.name}`]);
      expect(reply!.activity.text).to.equal(en.thanks);
    });

    it('a personal chat has no mention and is read as is', async () => {
      const [reply] = await exchange(teamsMessage(serviceUrl, '谢谢', { scope: 'personal', locale: 'zh-CN' }));
      expect(reply!.activity.text).to.equal(zh.thanks);
    });
  });

  describe('threads', () => {
    it('a reply to a channel message stays in its thread: same ;messageid= conversation, replyToId the message', async () => {
      const root = '1700000009999';
      const activity = teamsMessage(serviceUrl, `<at>${BOT.name}</at> hello`, { scope: 'channel', mentions: [BOT], threadRoot: root });
      const [reply] = await exchange(activity);
      expect(activity.conversation.id).to.match(/;messageid=1700000009999$/);
      expect(reply!.conversationId).to.equal(activity.conversation.id);
      expect(reply!.path).to.equal(`/v3/conversations/${encodeURIComponent(activity.conversation.id)}/activities/${activity.id}`);
      expect(reply!.activity.replyToId).to.equal(activity.id);
      expect((reply!.activity.conversation as { id: string }).id).to.equal(activity.conversation.id);
    });

    it('two threads of one channel get their answers in their own threads', async () => {
      const first = teamsMessage(serviceUrl, `<at>${BOT.name}</at> hello`, {
        scope: 'channel',
        mentions: [BOT],
        threadRoot: '1700000000001',
      });
      const second = teamsMessage(serviceUrl, `<at>${BOT.name}</at> 谢谢`, {
        scope: 'channel',
        mentions: [BOT],
        threadRoot: '1700000000002',
      });
      const [a] = await exchange(first);
      const [b] = await exchange(second);
      expect([a!.conversationId, b!.conversationId]).to.deep.equal([first.conversation.id, second.conversation.id]);
      expect([a!.activity.text, b!.activity.text]).to.deep.equal([en.greeting, zh.thanks]);
    });
  });

  describe('tenant allow-list (ALLOWED_TENANTS)', () => {
    const denial = (first: 'zh-CN' | 'en') => {
      const second = first === 'zh-CN' ? 'en' : 'zh-CN';
      return `${messages(first).teams.tenantDenied}\n\n${messages(second).teams.tenantDenied}`;
    };

    it('an allowed tenant (compared case-insensitively) is served', async () => {
      const [reply] = await exchange(teamsMessage(serviceUrl, 'hello', { tenant: TENANT_A }));
      expect(reply!.activity.text).to.equal(en.greeting);
    });

    it('another tenant gets a polite refusal in both languages; no turn logic runs and nothing is stored', async () => {
      const seen = recognizer.seen.length;
      const files = await listFiles(dir.path);
      const [reply, ...more] = await exchange(
        teamsMessage(serviceUrl, '你好', { tenant: TENANT_B, locale: 'zh-CN', conversationId: 'a:denied-personal' }),
      );
      expect(more).to.deep.equal([]);
      expect(reply!.activity.text).to.equal(denial('zh-CN'));
      expect(recognizer.seen.length, 'recognizer not called').to.equal(seen);
      expect(await listFiles(dir.path), 'no state written').to.deep.equal(files);
    });

    it('a tenant id only in conversation.tenantId counts; a Teams activity with no tenant at all is refused', async () => {
      const conversationOnly = teamsMessage(serviceUrl, 'hello', { tenant: TENANT_A });
      conversationOnly.channelData = {};
      expect((await exchange(conversationOnly))[0]!.activity.text).to.equal(en.greeting);
      const [reply] = await exchange(teamsMessage(serviceUrl, 'hello', { tenant: null, locale: 'en-US' }));
      expect(reply!.activity.text).to.equal(denial('en'));
    });

    it('adding the bot to a team of another tenant gets the refusal, not the welcome card', async () => {
      const [reply, ...more] = await exchange(teamsInstall(serviceUrl, { tenant: TENANT_B, conversationId: '19:denied@thread.tacv2' }));
      expect(more).to.deep.equal([]);
      expect(reply!.activity.attachments).to.equal(undefined);
      expect(reply!.activity.text).to.equal(denial('zh-CN'));
    });

    it('adding the bot to a team of an allowed tenant gets the welcome card in the channel', async () => {
      const [reply] = await exchange(teamsInstall(serviceUrl, { tenant: TENANT_A, conversationId: '19:allowed@thread.tacv2' }));
      expect(reply!.conversationId).to.equal('19:allowed@thread.tacv2');
      expect(reply!.activity.attachments![0]!.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    });

    it('a colleague joining that team later does not make the bot post the welcome card again', async () => {
      const before = connector.received.length;
      const joined = {
        ...teamsInstall(serviceUrl, { tenant: TENANT_A, conversationId: '19:allowed@thread.tacv2' }),
        membersAdded: [{ id: OTHER_USER.id }],
      };
      expect((await post(endpoint, joined)).status).to.equal(200);
      await new Promise((r) => setTimeout(r, 50));
      expect(connector.received.length).to.equal(before);
    });

    it('an invoke from another tenant is answered 403, with nothing sent', async () => {
      const before = connector.received.length;
      const invoke = { ...teamsMessage(serviceUrl, '', { tenant: TENANT_B }), type: 'invoke', name: 'adaptiveCard/action', value: {} };
      const res = await post(endpoint, invoke);
      expect(res.status).to.equal(403);
      expect(connector.received.length).to.equal(before);
    });

    it('does not apply to other channels, which carry no trustworthy tenant', async () => {
      const before = connector.received.length;
      const res = await post(endpoint, message(serviceUrl, 'emulator-with-list', 'hello', { channelData: { tenant: { id: TENANT_B } } }));
      expect(res.status).to.equal(200);
      await connector.waitFor(before + 1);
      expect(connector.forConversation('emulator-with-list').map((a) => a.text)).to.deep.equal([en.greeting]);
    });
  });

  // Last: mocha runs a suite's own tests before its nested suites.
  describe('cards', () => {
    it('every card sent to Teams above is Adaptive Cards 1.5 or lower, and no message uses suggested actions', () => {
      expect(connector.received.some((r) => (r.activity.attachments?.length ?? 0) > 0)).to.equal(true);
      for (const r of connector.received) expect(activityCardProblems(r.activity)).to.deep.equal([]);
    });
  });
});
