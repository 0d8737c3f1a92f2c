import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { messages } from '../../bot/i18n/messages.js';
import { silentLogger } from '../../bot/log.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { LoopbackConnector } from '../support/loopbackConnector.js';
import { message, post } from '../support/post.js';
import { makeTempDir } from '../support/tempDir.js';

async function snapshot(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (d: string): Promise<void> => {
    for (const entry of (await fs.readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) await walk(p);
      else hash.update(p).update(await fs.readFile(p));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

describe('HTTP server end to end', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let serviceUrl: string;
  let app: RunningApp;
  let endpoint: string;

  before(async () => {
    dir = await makeTempDir();
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    app = await startApp({ config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }), logger: silentLogger, recognizer: new FakeRecognizer() });
    endpoint = `${app.url}/api/messages`;
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await dir.remove();
  });

  it('listens on loopback only when there is no app id', () => {
    expect(app.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('GET /healthz answers ok', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ status: 'ok' });
  });

  it('welcomes a new member through the connector with the bilingual card', async () => {
    const before = connector.received.length;
    const res = await post(endpoint, {
      ...message(serviceUrl, 'conv-welcome', ''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: 'user-1', name: 'User' }],
    });
    expect(res.status).to.equal(200);
    await connector.waitFor(before + 1);
    const [welcome] = connector.forConversation('conv-welcome');
    expect(welcome!.attachments![0]!.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(welcome!.attachments![0]!.content))
      .to.include(messages('zh-CN').welcomeTitle)
      .and.include(messages('en').welcomeTitle);
  });

  it('replies in Chinese to Chinese and in English to English, posting to the conversation', async () => {
    const zh = await post(endpoint, message(serviceUrl, 'conv-lang', '你好'));
    expect(zh.status).to.equal(200);
    const en = await post(endpoint, message(serviceUrl, 'conv-lang', 'hello'));
    expect(en.status).to.equal(200);
    const texts = connector.forConversation('conv-lang').map((a) => a.text);
    expect(texts).to.deep.equal([messages('zh-CN').greeting, messages('en').greeting]);
    const reply = connector.received.find((r) => r.conversationId === 'conv-lang' && r.activity.type === 'message')!;
    expect(reply.path).to.match(/^\/v3\/conversations\/conv-lang\/activities\/act-\d+$/);
    expect(reply.activity.replyToId).to.match(/^act-\d+$/);
  });

  it('returns the replies in the response body with deliveryMode expectReplies', async () => {
    const before = connector.received.length;
    const res = await post(endpoint, message(serviceUrl, 'conv-expect', '谢谢', { deliveryMode: 'expectReplies' }));
    expect(res.status).to.equal(200);
    const body = res.json as { activities: Array<{ type: string; text: string }> };
    expect(body.activities.filter((a) => a.type === 'message').map((a) => a.text)).to.deep.equal([messages('zh-CN').thanks]);
    expect(connector.received.length).to.equal(before);
  });

  describe('rejects bad requests before any turn runs', () => {
    const cases: Array<[string, () => Promise<{ status: number; text: string }>, number]> = [
      ['truncated JSON', () => post(endpoint, '{"type":"message","text":"hi'), 400],
      ['an empty object', () => post(endpoint, {}), 400],
      ['a JSON array', () => post(endpoint, '[1,2]'), 400],
      ['an activity without a type', () => post(endpoint, { ...message(serviceUrl, 'conv-bad', 'hi'), type: undefined }), 400],
      ['a wrongly typed conversation', () => post(endpoint, { ...message(serviceUrl, 'conv-bad', 'hi'), conversation: 7 }), 400],
      ['a 1 MB body', () => post(endpoint, { ...message(serviceUrl, 'conv-bad', 'x'.repeat(1024 * 1024)) }), 413],
      ['a form-encoded body', () => post(endpoint, 'type=message&text=hi', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
      ['no content type', () => post(endpoint, JSON.stringify(message(serviceUrl, 'conv-bad', 'hi')), {}), 415],
      ['a conversation id with a control character', () => post(endpoint, message(serviceUrl, 'conv\u0007bad', 'hi')), 400],
      ['a conversation id "."', () => post(endpoint, message(serviceUrl, '.', 'hi')), 400],
      ['a conversation id with a ".." segment', () => post(endpoint, message(serviceUrl, 'a/../b', 'hi')), 400],
      ['a 513-character conversation id', () => post(endpoint, message(serviceUrl, 'c'.repeat(513), 'hi')), 400],
      ['a user id with a newline', () => post(endpoint, message(serviceUrl, 'conv-bad', 'hi', { from: { id: 'u\n1', name: 'U' } })), 400],
      ['a user id ".."', () => post(endpoint, message(serviceUrl, 'conv-bad', 'hi', { from: { id: '..', name: 'U' } })), 400],
    ];
    for (const [name, send, status] of cases) {
      it(`${name} → ${status}, no reply, data unchanged, no internals in the body`, async () => {
        const sent = connector.received.length;
        const before = await snapshot(dir.path);
        const res = await send();
        expect(res.status).to.equal(status);
        expect(res.text).to.not.match(/at .+\.(ts|js):\d+|Error:|SyntaxError|Unexpected token/);
        expect(JSON.parse(res.text)).to.have.property('error').that.is.a('string');
        await new Promise((r) => setTimeout(r, 50));
        expect(connector.received.length).to.equal(sent);
        expect(await snapshot(dir.path)).to.equal(before);
      });
    }
  });

  it('a non-ASCII conversation id works: its reply reaches the connector, encoded', async () => {
    const res = await post(endpoint, message(serviceUrl, '会话-甲', 'hello'));
    expect(res.status).to.equal(200);
    const replies = connector.received.filter((r) => r.conversationId === '会话-甲' && r.activity.type === 'message');
    expect(replies.map((r) => r.activity.text)).to.deep.equal([messages('en').greeting]);
    expect(replies[0]!.path).to.match(/^\/v3\/conversations\/%E4%BC%9A%E8%AF%9D-%E7%94%B2\/activities\//);
  });

  it('one conversationUpdate adding 4,000 members gets one welcome card, not 4,000', async () => {
    const members = Array.from({ length: 4000 }, (_, i) => ({ id: `member-${i}`, name: `M${i}` }));
    const res = await post(endpoint, {
      ...message(serviceUrl, 'conv-crowd', ''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: members,
      deliveryMode: 'expectReplies',
    });
    expect(res.status).to.equal(200);
    const body = res.json as { activities: Array<{ type: string; attachments?: unknown[] }> };
    expect(body.activities.filter((a) => a.type === 'message')).to.have.length(1);
  });

  it('a 250 KB message is answered from its beginning, with a polite note that only the beginning was read', async () => {
    const long = `thanks ${'x'.repeat(250 * 1024 - 100)}`;
    const res = await post(endpoint, message(serviceUrl, 'conv-long', long, { deliveryMode: 'expectReplies' }));
    expect(res.status).to.equal(200);
    const texts = (res.json as { activities: Array<{ type: string; text: string }> }).activities
      .filter((a) => a.type === 'message')
      .map((a) => a.text);
    expect(texts[0]).to.equal(messages('en').onlyBeginningRead(2000));
    expect(texts).to.have.length(2);
    expect((await fetch(`${app.url}/healthz`)).status).to.equal(200);
  });

  it('serves only requests addressed to this machine by name (no DNS rebinding): another Host gets 421', async () => {
    const port = new URL(app.url).port;
    const asHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/healthz', headers: { host } },
          (res) => (res.resume(), resolve(res.statusCode ?? 0)),
        );
        req.on('error', reject);
        req.end();
      });
    expect(await asHost(`localhost:${port}`)).to.equal(200);
    expect(await asHost(`127.0.0.1:${port}`)).to.equal(200);
    expect(await asHost(`[::1]:${port}`)).to.equal(200);
    expect(await asHost(`attacker.example:${port}`)).to.equal(421);
    expect(await asHost('localhost:1')).to.equal(421);
  });
});
