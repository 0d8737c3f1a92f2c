import { expect } from 'chai';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { messages } from '../../bot/i18n/messages.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { FaultyConnector } from '../support/faultyConnector.js';
import { message, post } from '../support/post.js';
import { makeTempDir } from '../support/tempDir.js';

describe('when the channel connector fails', function () {
  // The bound that matters: every turn below must end well inside the channel's 15 s.
  this.timeout(30_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: FaultyConnector;
  let serviceUrl: string;
  let app: RunningApp;
  const logs: Array<Record<string, unknown>> = [];
  const rejections: unknown[] = [];
  const onRejection = (r: unknown) => rejections.push(r);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    dir = await makeTempDir();
    connector = new FaultyConnector(['ok']);
    serviceUrl = await connector.start();
    const logger = createLogger('info', (line) => logs.push(JSON.parse(line) as Record<string, unknown>));
    app = await startApp({
      config: loadConfig({ DATA_DIR: dir.path, PORT: '0', TURN_TIMEOUT_MS: '4000' }),
      logger,
      recognizer: new FakeRecognizer(),
    });
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await app.stop();
    await connector.stop();
    await dir.remove();
  });
  afterEach(async () => {
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status, 'the process stays up').to.equal(200);
    expect(rejections, 'no unhandled rejections').to.deep.equal([]);
  });

  const textsTo = (conversation: string) => connector.accepted.filter((a) => a.conversation === conversation).map((a) => a.text);
  const say = (conversation: string, text: string) => post(`${app.url}/api/messages`, message(serviceUrl, conversation, text));

  it('a connector that keeps answering 500: the turn ends, nothing is blamed on us', async () => {
    connector.setPlan(['500']);
    const res = await say('c-500', 'hello');
    expect(res.status).to.equal(200);
    expect(textsTo('c-500')).to.deep.equal([]);
    // The SDK retries 5xx with back-off; either it gives up (channel_send_failed) or the turn budget does.
    expect(logs.some((l) => ['channel_send_failed', 'turn_timeout'].includes(l.event as string) && l.conversation === 'c-500')).to.equal(
      true,
    );
    expect(logs.some((l) => l.event === 'turn_error' && l.conversation === 'c-500')).to.equal(false);
    expect(connector.attempts).to.be.greaterThan(1);
  });

  it('a connector answering 429 then recovering: the user gets the normal reply and no apology', async () => {
    connector.setPlan(['429', 'ok']);
    const res = await say('c-429', 'hello');
    expect(res.status).to.equal(200);
    expect(textsTo('c-429')).to.deep.equal([messages('en').greeting]);
  });

  it('a connector that never answers: the turn is cut off at its budget and the conversation goes on', async () => {
    connector.setPlan(['hang']);
    const res = await say('c-hang', 'hello');
    expect(res.status).to.equal(200);
    expect(logs.some((l) => l.event === 'turn_timeout' && l.conversation === 'c-hang')).to.equal(true);
    connector.setPlan(['ok']);
    expect((await say('c-hang', '谢谢')).status).to.equal(200);
    expect(textsTo('c-hang')).to.include(messages('zh-CN').thanks);
  });
});
