import { expect } from 'chai';
import { ConversationState, TestAdapter, TurnContext, UserState, type Activity } from 'botbuilder';
import { BotStorage } from '../../bot/store/botStorage.js';
import { ETagConflictError } from '../../bot/store/errors.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { makeTempDir } from '../support/tempDir.js';

const activity = (conversation: string): Partial<Activity> => ({
  type: 'message',
  channelId: 'test',
  text: 'hi',
  conversation: { id: conversation, isGroup: false, conversationType: '', name: '' },
  from: { id: 'u1', name: 'u' },
  recipient: { id: 'b', name: 'b' },
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('BotStorage', () => {
  it('two turns that started from the same conversation state cannot both save it (as on two instances)', async () => {
    const dir = await makeTempDir();
    const store = new FileStore(dir.path);
    // Two instances: each its own BotStorage and ConversationState over the one shared store.
    const states = [new ConversationState(new BotStorage(store)), new ConversationState(new BotStorage(store))];
    const adapter = new TestAdapter(async () => undefined);
    const contexts = [new TurnContext(adapter, activity('c1')), new TurnContext(adapter, activity('c1'))];
    const counters = states.map((s) => s.createProperty<number>('turns'));

    for (const [i, s] of states.entries()) await s.load(contexts[i]!);
    await counters[0]!.set(contexts[0]!, 1);
    await counters[1]!.set(contexts[1]!, 1);
    await states[0]!.saveChanges(contexts[0]!);
    expect(await rejection(states[1]!.saveChanges(contexts[1]!))).to.be.instanceOf(ETagConflictError);

    // The next turn starts from what was saved, and saves again.
    const next = new TurnContext(adapter, activity('c1'));
    expect(await counters[1]!.get(next)).to.equal(1);
    await counters[1]!.set(next, 2);
    await states[1]!.saveChanges(next);

    // A brand-new conversation created at once on both: the second creator loses too.
    const fresh = [new TurnContext(adapter, activity('c2')), new TurnContext(adapter, activity('c2'))];
    for (const i of [0, 1]) await counters[i]!.set(fresh[i]!, i + 10);
    await states[0]!.saveChanges(fresh[0]!);
    expect(await rejection(states[1]!.saveChanges(fresh[1]!))).to.be.instanceOf(ETagConflictError);
    await dir.remove();
  });

  it('leaves user state last-writer-wins', async () => {
    const dir = await makeTempDir();
    const store = new FileStore(dir.path);
    const states = [new UserState(new BotStorage(store)), new UserState(new BotStorage(store))];
    const adapter = new TestAdapter(async () => undefined);
    const contexts = [new TurnContext(adapter, activity('a')), new TurnContext(adapter, activity('b'))];
    const lang = states.map((s) => s.createProperty<string>('lang'));
    for (const [i, s] of states.entries()) await s.load(contexts[i]!);
    await lang[0]!.set(contexts[0]!, 'en');
    await lang[1]!.set(contexts[1]!, 'zh-CN');
    await states[0]!.saveChanges(contexts[0]!);
    await states[1]!.saveChanges(contexts[1]!);
    expect(await lang[0]!.get(new TurnContext(adapter, activity('c')))).to.equal('zh-CN');
    await dir.remove();
  });
});
