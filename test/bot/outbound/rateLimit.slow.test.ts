import { expect } from 'chai';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { messages } from '../../../bot/i18n/messages.js';
import { createLogger } from '../../../bot/log.js';
import { FakeRecognizer } from '../../support/fakeRecognizer.js';
import { post } from '../../support/post.js';
import { BOT, teamsMessage } from '../../support/teamsActivity.js';
import { ThrottlingConnector } from '../../support/throttlingConnector.js';
import { makeTempDir } from '../../support/tempDir.js';
import { busiest } from '../../support/busiest.js';

const en = messages('en');

describe('sending to Teams within its rate limits (HTTP, throttling connector)', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: ThrottlingConnector;
  let serviceUrl: string;
  let app: RunningApp;
  const logs: Array<Record<string, unknown>> = [];

  before(async () => {
    dir = await makeTempDir();
    connector = new ThrottlingConnector();
    serviceUrl = await connector.start();
    const logger = createLogger('info', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
    app = await startApp({ config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }), logger, recognizer: new FakeRecognizer() });
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await dir.remove();
  });

  const say = (text: string, conversationId: string, threadRoot?: string) =>
    post(
      `${app.url}/api/messages`,
      teamsMessage(serviceUrl, `<at>${BOT.name}</at> ${text}`, {
        scope: 'channel',
        mentions: [BOT],
        conversationId,
        ...(threadRoot && { threadRoot }),
      }),
    );

  it('twelve messages at once in one channel: every reply arrives, never more than 7 in a second or 8 in two', async () => {
    const channel = '19:burst@thread.tacv2';
    // Each in its own thread of the same channel: Teams counts the channel, so the bot must too.
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => say('hello', channel, `17000000000${10 + i}`)));
    expect(results.map((r) => r.status)).to.deep.equal(Array(12).fill(200));
    const seen = connector.requests.filter((r) => r.conversationId.startsWith(`${channel};`));
    expect(seen.map((r) => r.text)).to.deep.equal(Array(12).fill(en.greeting));
    const times = seen.map((r) => r.at);
    expect(busiest(times, 1000)).to.be.at.most(7);
    expect(busiest(times, 2000)).to.be.at.most(8);
    // Unpaced, twelve tiny turns take well under a second: the limiter must have held some back.
    expect(Math.max(...times) - Math.min(...times)).to.be.at.least(2000 - 50);
  });

  it('429 with Retry-After: waits at least that long, then the reply goes through once', async () => {
    const chat = '19:retry-after@thread.v2';
    connector.script(chat, [{ status: 429, headers: { 'retry-after': '1' } }]);
    expect((await say('hello', chat)).status).to.equal(200);
    const seen = connector.requests.filter((r) => r.conversationId.startsWith(chat));
    expect(seen.map((r) => r.status)).to.deep.equal([429, 200]);
    expect(seen[1]!.at - seen[0]!.at).to.be.at.least(1000 - 50);
    expect(seen[1]!.text).to.equal(en.greeting);
  });

  it('412, 502 and 504 are retried with back-off, in order, and the user gets exactly one reply', async () => {
    const chat = '19:transient@thread.v2';
    connector.script(chat, [{ status: 412 }, { status: 502 }, { status: 504 }]);
    expect((await say('thanks', chat)).status).to.equal(200);
    const seen = connector.requests.filter((r) => r.conversationId.startsWith(chat));
    expect(seen.map((r) => r.status)).to.deep.equal([412, 502, 504, 200]);
    expect(seen.filter((r) => r.status === 200).map((r) => r.text)).to.deep.equal([en.thanks]);
    const waits = logs.filter((l) => l.event === 'send_retry' && String(l.conversation).endsWith(chat)).map((l) => l.delayMs as number);
    expect(waits).to.have.length(3);
    expect(waits[2]!, 'the back-off grows').to.be.greaterThan(waits[0]!);
    for (const [i, wait] of waits.entries())
      expect(seen[i + 1]!.at - seen[i]!.at, 'each retry waited its back-off').to.be.at.least(wait - 50);
  });

  it('retries are bounded: a connector that keeps failing gets four tries, then the turn ends without an apology', async () => {
    const chat = '19:always-busy@thread.v2';
    connector.script(chat, Array(10).fill({ status: 503 }));
    expect((await say('hello', chat)).status).to.equal(200);
    const seen = connector.requests.filter((r) => r.conversationId.startsWith(chat));
    expect(seen.map((r) => r.status)).to.deep.equal([503, 503, 503, 503]);
    expect(logs.some((l) => l.event === 'channel_send_failed' && String(l.conversation).startsWith(chat))).to.equal(true);
    expect(logs.filter((l) => l.event === 'send_retry').length).to.be.at.least(3 + 3 + 1);
  });
});
