import { expect } from 'chai';
import { join } from 'node:path';
import { ConversationState, UserState, type Activity } from 'botbuilder';
import { createAdapter, type SupportAdapter } from '../../../bot/adapter.js';
import { BotStorage } from '../../../bot/store/botStorage.js';
import { loadConfig } from '../../../bot/config.js';
import { silentLogger } from '../../../bot/log.js';
import { ConversationRecorder } from '../../../bot/proactive/conversationRecorder.js';
import { ProactiveNotifier } from '../../../bot/proactive/proactiveNotifier.js';
import { userStateKey, type StoredConversation } from '../../../bot/proactive/storedConversations.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { LoopbackConnector } from '../../support/loopbackConnector.js';
import { message } from '../../support/post.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('ProactiveNotifier through the loopback connector', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let serviceUrl: string;
  let store: FileStore;
  let adapter: SupportAdapter;
  let userState: UserState;
  let notifier: ProactiveNotifier;
  const NOW = new Date('2026-11-23T08:00:00Z');

  beforeEach(async () => {
    dir = await makeTempDir('notifier-');
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    store = new FileStore(join(dir.path, 'state'));
    const storage = new BotStorage(store);
    userState = new UserState(storage);
    const config = loadConfig({ DATA_DIR: dir.path, PORT: '0' });
    adapter = createAdapter(config, new ConversationState(storage), silentLogger);
    adapter.use(new ConversationRecorder(userState, () => NOW));
    notifier = new ProactiveNotifier(adapter, storage, '', silentLogger, () => NOW);
  });
  afterEach(async () => {
    await connector.stop();
    await dir.remove();
  });

  /** A user message through the adapter, as /api/messages would deliver it; the bot itself only replies "ok". */
  async function incoming(activity: object, language?: { chosen: 'en' | 'zh-CN' }): Promise<void> {
    const language$ = userState.createProperty('language');
    await adapter.handleActivity('', activity as unknown as Activity, async (context) => {
      if (language) await language$.set(context, language);
      await context.sendActivity('ok');
      await userState.saveChanges(context);
    });
  }
  const sentTo = (conversation: string) =>
    connector
      .forConversation(conversation)
      .map((a) => a.text)
      .filter((t) => t !== 'ok');
  const stored = async (channel: string, user: string) =>
    ((await store.read([userStateKey(channel, user)]))[userStateKey(channel, user)] as { conversations?: StoredConversation[] } | undefined)
      ?.conversations ?? [];

  it('sends to every conversation the user wrote from, in their language, and counts them', async () => {
    await incoming(message(serviceUrl, 'conv-a', 'hello'), { chosen: 'zh-CN' });
    await incoming(message(serviceUrl, 'conv-b', 'hello again'));
    const reached = await notifier.notify({ channelId: 'emulator', userId: 'user-1' }, (l) =>
      l === 'zh-CN' ? '工单已更新' : 'Ticket updated',
    );
    expect(reached).to.equal(2);
    expect(sentTo('conv-a')).to.deep.equal(['工单已更新']);
    expect(sentTo('conv-b')).to.deep.equal(['工单已更新']);
    // The most recent conversation first.
    expect((await stored('emulator', 'user-1')).map((c) => c.reference.conversation?.id)).to.deep.equal(['conv-b', 'conv-a']);
  });

  it('a 403 (bot removed) marks that conversation dead and it is never tried again; the others still get it', async () => {
    await incoming(message(serviceUrl, 'conv-gone', 'hello'));
    await incoming(message(serviceUrl, 'conv-live', 'hello'));
    connector.refusing.set('conv-gone', 403);
    const before = connector.received.length;
    expect(await notifier.notify({ channelId: 'emulator', userId: 'user-1' }, () => 'first')).to.equal(1);
    expect(sentTo('conv-live')).to.deep.equal(['first']);
    const dead = (await stored('emulator', 'user-1')).find((c) => c.reference.conversation?.id === 'conv-gone');
    expect(dead?.dead).to.deep.equal({ at: NOW.toISOString(), status: 403 });

    connector.refusing.delete('conv-gone');
    expect(await notifier.notify({ channelId: 'emulator', userId: 'user-1' }, () => 'second')).to.equal(1);
    expect(sentTo('conv-gone')).to.deep.equal([]);
    expect(connector.received.length - before).to.equal(2, 'only the live conversation was sent to, twice');
  });

  it('a 404 marks dead too; a new message from that conversation brings it back', async () => {
    await incoming(message(serviceUrl, 'conv-404', 'hello'));
    connector.refusing.set('conv-404', 404);
    expect(await notifier.notify({ channelId: 'emulator', userId: 'user-1' }, () => 'x')).to.equal(0);
    expect((await stored('emulator', 'user-1'))[0]?.dead?.status).to.equal(404);
    connector.refusing.delete('conv-404');
    await incoming(message(serviceUrl, 'conv-404', 'I am back'));
    expect(await notifier.notify({ channelId: 'emulator', userId: 'user-1' }, () => 'welcome back')).to.equal(1);
    expect(sentTo('conv-404')).to.deep.equal(['welcome back']);
  });

  it('records Teams personal chats but never a channel or group chat, and reaches no one it has not seen', async () => {
    const teams = (conversation: Record<string, unknown>) =>
      message(serviceUrl, 'x', 'hi', { channelId: 'msteams', from: { id: '29:aad-1', aadObjectId: 'aad-1' }, conversation });
    await incoming(teams({ id: 'a:personal', conversationType: 'personal', tenantId: 't1' }));
    await incoming(teams({ id: '19:channel@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 't1' }));
    await incoming(teams({ id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 't1' }));
    expect((await stored('msteams', '29:aad-1')).map((c) => c.reference.conversation?.id)).to.deep.equal(['a:personal']);
    expect(await notifier.notify({ channelId: 'msteams', userId: '29:aad-1' }, () => 'personal only')).to.equal(1);
    expect(sentTo('a:personal')).to.deep.equal(['personal only']);
    expect(await notifier.notify({ channelId: 'webchat', userId: 'nobody' }, () => 'x')).to.equal(0);
  });
});
