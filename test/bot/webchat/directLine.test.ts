import { expect } from 'chai';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { messages } from '../../../bot/i18n/messages.js';
import { silentLogger } from '../../../bot/log.js';
import { DirectLineClient, call } from '../../support/directLineClient.js';
import { FakeRecognizer } from '../../support/fakeRecognizer.js';
import { makeTempDir } from '../../support/tempDir.js';

const zh = messages('zh-CN');
const en = messages('en');

/** What a proactive sender does: continue a stored conversation and post to its serviceUrl, outside any request. */
async function sendProactive(reference: Partial<ConversationReference>, text: string): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  await adapter.continueConversationAsync('', reference, async (context) => {
    await context.sendActivity(text);
  });
}

describe('local Direct Line 3.0 subset over HTTP', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: RunningApp;

  before(async () => {
    dir = await makeTempDir();
    app = await startApp({ config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }), logger: silentLogger, recognizer: new FakeRecognizer() });
  });
  after(async () => {
    await app.stop();
    await dir.remove();
  });

  it('starts a conversation: 201 with conversationId, token and expires_in, no streamUrl, and the welcome card to poll', async () => {
    const res = await call(`${app.url}/v3/directline/conversations`, {
      method: 'POST',
      body: { user: { id: 'u-start' }, locale: 'zh-CN' },
    });
    expect(res.status).to.equal(201);
    expect(res.body).to.have.all.keys('conversationId', 'token', 'expires_in');
    expect(res.body.conversationId).to.be.a('string').with.length.above(10);
    expect(res.body.token).to.be.a('string').with.length.above(30);
    expect(res.body.expires_in).to.be.a('number').above(0);

    const got = await call(`${app.url}/v3/directline/conversations/${res.body.conversationId}/activities?watermark=`, {
      token: String(res.body.token),
    });
    expect(got.status).to.equal(200);
    const set = got.body as unknown as {
      activities: Array<{ id: string; from: { role: string }; attachments: Array<{ contentType: string; content: unknown }> }>;
      watermark: string;
    };
    expect(set.activities).to.have.length(1);
    expect(set.activities[0]!.id).to.equal(`${res.body.conversationId}|0000001`);
    expect(set.activities[0]!.from.role).to.equal('bot');
    expect(set.activities[0]!.attachments[0]!.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(set.activities[0]!.attachments[0]!.content)).to.include(zh.welcomeTitle);
    expect(set.watermark).to.equal('1');
  });

  it('starts with no body at all (a plain curl), and the same token starts nothing new (200, same conversation)', async () => {
    const first = await call(`${app.url}/v3/directline/conversations`, { method: 'POST' });
    expect(first.status).to.equal(201);
    const again = await call(`${app.url}/v3/directline/conversations`, {
      method: 'POST',
      token: String(first.body.token),
      body: { user: { id: 'u-x' } },
    });
    expect(again.status).to.equal(200);
    expect(again.body.conversationId).to.equal(first.body.conversationId);
    expect(again.body.token).to.equal(first.body.token);
  });

  it('refuses a malformed start body (400) without starting a conversation', async () => {
    for (const body of ['{"user":', { user: 'u-1' }, { user: { id: 7 } }, { locale: ['zh'] }]) {
      const res = await call(`${app.url}/v3/directline/conversations`, { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).to.equal(400);
      expect(res.body).to.not.have.property('token');
    }
  });

  it('posts an activity: returns its id, echoes it with channelData, then the reply answers it, with rising watermarks', async () => {
    const dl = await DirectLineClient.start(app.url, 'u-post');
    await dl.poll(); // the welcome
    const startMark = Number(dl.watermark);

    const sent = await dl.send('你好', { channelData: { clientActivityID: 'c-1' }, locale: 'zh-CN' });
    expect(sent.status).to.equal(200);
    expect(sent.body.id).to.equal(`${dl.conversationId}|${String(startMark + 1).padStart(7, '0')}`);

    const activities = await dl.poll();
    expect(activities.map((a) => a.from.role)).to.deep.equal(['user', 'bot']);
    const [echo, reply] = activities;
    expect(echo!.id).to.equal(sent.body.id);
    expect(echo!.text).to.equal('你好');
    expect(echo!.channelData).to.deep.equal({ clientActivityID: 'c-1' });
    expect(reply!.text).to.equal(zh.greeting);
    expect(reply!.replyToId).to.equal(sent.body.id);
    expect(Number(dl.watermark)).to.equal(startMark + 2);

    expect(await dl.poll()).to.deep.equal([]);
    expect(Number(dl.watermark)).to.equal(startMark + 2);

    await dl.send('hello', { locale: 'en-US' });
    expect((await dl.poll()).map((a) => a.text)).to.deep.equal(['hello', en.greeting]);
  });

  it('delivers a proactive message posted to the serviceUrl outside any request, after earlier activities', async () => {
    const dl = await DirectLineClient.start(app.url, 'u-proactive');
    await dl.poll();
    const before = Number(dl.watermark);
    await sendProactive(
      {
        channelId: 'directline',
        serviceUrl: app.url,
        conversation: { id: dl.conversationId } as ConversationReference['conversation'],
        bot: { id: 'csp-support-bot', name: 'bot' },
        user: { id: 'u-proactive', name: '' },
      },
      'T-1001 was resolved',
    );
    const activities = await dl.poll();
    expect(activities.map((a) => [a.text, a.from.role])).to.deep.equal([['T-1001 was resolved', 'bot']]);
    expect(Number(dl.watermark)).to.equal(before + 1);
  });

  it('answers 404 to a proactive message for a conversation it does not have, so the sender can drop it', async () => {
    const failure = await sendProactive(
      {
        channelId: 'directline',
        serviceUrl: app.url,
        conversation: { id: 'no-such-conversation' } as ConversationReference['conversation'],
        bot: { id: 'b', name: 'b' },
        user: { id: 'u', name: '' },
      },
      'hello?',
    ).then(
      () => undefined,
      (err: unknown) => err as { statusCode?: number },
    );
    expect(failure?.statusCode).to.equal(404);
  });

  describe('checks the token on every call', () => {
    let dl: DirectLineClient;
    let other: DirectLineClient;
    before(async () => {
      dl = await DirectLineClient.start(app.url, 'u-token');
      other = await DirectLineClient.start(app.url, 'u-other');
    });

    const cases: Array<[string, () => Promise<{ status: number }>]> = [
      ['GET activities with a wrong token', () => call(dl.activitiesUrl, { token: 'wrong' })],
      ['GET activities with no Authorization header', () => call(dl.activitiesUrl)],
      ["GET activities with another conversation's token", () => call(dl.activitiesUrl, { token: other.token })],
      [
        'POST an activity with a wrong token',
        () => call(dl.activitiesUrl, { method: 'POST', token: 'wrong', body: { type: 'message', from: { id: 'u' }, text: 'hi' } }),
      ],
      [
        'POST an activity with no Authorization header',
        () => call(dl.activitiesUrl, { method: 'POST', token: undefined, body: { type: 'message', from: { id: 'u' }, text: 'hi' } }),
      ],
      ['start with an unknown token', () => call(`${app.url}/v3/directline/conversations`, { method: 'POST', token: 'wrong' })],
      ['refresh an unknown token', () => call(`${app.url}/v3/directline/tokens/refresh`, { method: 'POST', token: 'wrong' })],
    ];
    for (const [name, send] of cases) {
      it(`${name} → 401, and nothing lands in the conversation`, async () => {
        const mark = (await call(`${dl.activitiesUrl}?watermark=`, { token: dl.token })).body.watermark;
        const res = await send();
        expect(res.status).to.equal(401);
        expect((await call(`${dl.activitiesUrl}?watermark=`, { token: dl.token })).body.watermark).to.equal(mark);
      });
    }

    it('refreshes a valid token (same conversation, a new expiry)', async () => {
      const res = await call(`${app.url}/v3/directline/tokens/refresh`, { method: 'POST', token: dl.token });
      expect(res.status).to.equal(200);
      expect(res.body).to.include({ conversationId: dl.conversationId, token: dl.token });
      expect(res.body.expires_in).to.be.a('number').above(0);
    });
  });

  describe('rejects bad bodies before any turn runs', () => {
    let dl: DirectLineClient;
    before(async () => {
      dl = await DirectLineClient.start(app.url, 'u-bad');
      await dl.poll();
    });

    const post = (body: string | object, contentType?: string) =>
      call(dl.activitiesUrl, { method: 'POST', token: dl.token, body, ...(contentType && { contentType }) });
    const cases: Array<[string, () => Promise<{ status: number; body: { error?: { code: string } } }>, number]> = [
      ['truncated JSON', () => post('{"type":"message","text":"hi'), 400],
      ['an activity without a type', () => post({ from: { id: 'u-bad' }, text: 'hi' }), 400],
      ['an activity without from.id', () => post({ type: 'message', text: 'hi' }), 400],
      ['a JSON array', () => post('[1,2]'), 400],
      ['text that is not a string', () => post({ type: 'message', from: { id: 'u-bad' }, text: 7 }), 400],
      ['a 300 KB message', () => post({ type: 'message', from: { id: 'u-bad' }, text: 'x'.repeat(300 * 1024) }), 413],
      ['a form-encoded body', () => post('type=message&text=hi', 'application/x-www-form-urlencoded'), 415],
      ['a bad watermark', () => call(`${dl.activitiesUrl}?watermark=abc`, { token: dl.token }), 400],
    ];
    for (const [name, send, status] of cases) {
      it(`${name} → ${status} with a Bot Framework ErrorResponse, and no activity is added`, async () => {
        const res = await send();
        expect(res.status).to.equal(status);
        expect(res.body.error?.code).to.be.a('string');
        expect(JSON.stringify(res.body)).to.not.match(/at .+\.(ts|js):\d+|SyntaxError|Unexpected token/);
        expect(await dl.poll()).to.deep.equal([]);
      });
    }
  });
});

describe('local Web Chat with an app id', () => {
  const APP_ID = '0f3a2b1c-1111-4222-8333-944445555666';
  let dir: Awaited<ReturnType<typeof makeTempDir>>;

  beforeEach(async () => (dir = await makeTempDir()));
  afterEach(async () => dir.remove());

  const start = (env: Record<string, string>) =>
    startApp({
      config: loadConfig({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        DATA_DIR: dir.path,
        PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      }),
      logger: silentLogger,
      recognizer: new FakeRecognizer(),
    });

  it('is off by default: no page and no Direct Line', async () => {
    const app = await start({});
    try {
      expect((await fetch(`${app.url}/`)).status).to.equal(404);
      expect((await call(`${app.url}/v3/directline/conversations`, { method: 'POST' })).status).to.equal(404);
    } finally {
      await app.stop();
    }
  });

  it('with LOCAL_WEBCHAT=on, runs turns without a channel token and gets the replies back', async () => {
    const app = await start({ LOCAL_WEBCHAT: 'on' });
    try {
      expect((await fetch(`${app.url}/`)).status).to.equal(200);
      const dl = await DirectLineClient.start(app.url, 'u-app');
      await dl.poll();
      expect((await dl.send('谢谢')).status).to.equal(200);
      expect((await dl.poll()).map((a) => a.text)).to.deep.equal(['谢谢', zh.thanks]);
    } finally {
      await app.stop();
    }
  });
});
