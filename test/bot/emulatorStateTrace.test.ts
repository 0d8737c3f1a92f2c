import { expect } from 'chai';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { STORED_STATE_LABEL } from '../../bot/emulatorStateTrace.js';
import { silentLogger } from '../../bot/log.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { LoopbackConnector } from '../support/loopbackConnector.js';
import { message, post } from '../support/post.js';
import { makeTempDir } from '../support/tempDir.js';

describe('Bot State trace for the Emulator', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let serviceUrl: string;
  let app: RunningApp;

  before(async () => {
    dir = await makeTempDir();
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    app = await startApp({ config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }), logger: silentLogger, recognizer: new FakeRecognizer() });
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await dir.remove();
  });

  const traces = (conversation: string) =>
    connector.received.filter((r) => r.conversationId === conversation && r.activity.type === 'trace').map((r) => r.activity);
  const stored = (conversation: string) => traces(conversation).filter((t) => t.label === STORED_STATE_LABEL);

  it('follows each Emulator turn with the conversation and user state', async () => {
    // An FAQ answer leaves the FAQ dialog waiting for a follow-up, so the stack is not empty.
    expect((await post(`${app.url}/api/messages`, message(serviceUrl, 'conv-trace', '怎么在手机上设置 Outlook'))).status).to.equal(200);
    const [trace, ...more] = stored('conv-trace');
    expect(more).to.deep.equal([]);
    expect(trace).to.include({ name: 'BotState', valueType: 'https://www.botframework.com/schemas/botState' });
    const value = trace!.value as {
      conversationState: { dialogState?: { dialogStack: unknown[] } };
      userState: { language?: { lastDetected?: string } };
    };
    expect(value.userState.language?.lastDetected).to.equal('zh-CN');
    expect(value.conversationState.dialogState?.dialogStack).to.have.length.above(0);
    // The trace comes after the bot's own reply.
    const sent = connector.received.filter((r) => r.conversationId === 'conv-trace').map((r) => r.activity);
    expect(sent.at(-1)).to.equal(trace);
    expect(sent.map((a) => a.type)).to.include('message');
  });

  it('sends no trace on other channels', async () => {
    await post(`${app.url}/api/messages`, message(serviceUrl, 'conv-teams', '你好', { channelId: 'msteams' }));
    expect(connector.forConversation('conv-teams')).to.have.length(1);
    expect(traces('conv-teams')).to.deep.equal([]);
  });
});
