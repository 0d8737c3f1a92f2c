import { expect } from 'chai';
import { DirectLineConversations, type DirectLineLimits } from '../../../bot/webchat/directLineConversations.js';

const LIMITS: DirectLineLimits = { maxConversations: 3, maxActivities: 4, maxChars: 10_000, idleMs: 60_000 };

describe('DirectLineConversations (bounded memory)', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => (clock = 1_000_000));

  it('gives each conversation its own random token and checks it', () => {
    const store = new DirectLineConversations(LIMITS, now);
    const a = store.start();
    const b = store.start();
    expect(a.token).to.not.equal(b.token);
    expect(a.conversation.id).to.not.equal(b.conversation.id);
    expect(store.authorize(a.conversation.id, a.token)).to.equal(a.conversation);
    expect(store.authorize(a.conversation.id, b.token)).to.equal(undefined);
    expect(store.authorize(a.conversation.id, '')).to.equal(undefined);
    expect(store.authorize('nope', a.token)).to.equal(undefined);
    expect(store.byToken(b.token)).to.equal(b.conversation);
    expect(store.byToken('x')).to.equal(undefined);
  });

  it('keeps at most maxConversations, dropping the least recently used', () => {
    const store = new DirectLineConversations(LIMITS, now);
    const started = [0, 1, 2].map(() => {
      clock += 10;
      return store.start();
    });
    clock += 10;
    store.authorize(started[0]!.conversation.id, started[0]!.token); // the oldest is in use again
    clock += 10;
    const fourth = store.start();
    expect(store.size).to.equal(3);
    expect(store.authorize(started[1]!.conversation.id, started[1]!.token)).to.equal(undefined);
    expect(store.byToken(started[1]!.token)).to.equal(undefined);
    for (const kept of [started[0]!, started[2]!, fourth])
      expect(store.authorize(kept.conversation.id, kept.token)).to.equal(kept.conversation);
  });

  it('forgets a conversation idle for idleMs, but not while its client keeps calling', () => {
    const store = new DirectLineConversations(LIMITS, now);
    const busy = store.start();
    const idle = store.start();
    for (let i = 0; i < 3; i++) {
      clock += 40_000;
      expect(store.authorize(busy.conversation.id, busy.token)).to.equal(busy.conversation);
    }
    expect(store.authorize(idle.conversation.id, idle.token)).to.equal(undefined);
    expect(store.get(idle.conversation.id)).to.equal(undefined);
    expect(store.size).to.equal(1);
  });

  it("the bot's own posts do not keep a conversation alive", () => {
    const store = new DirectLineConversations(LIMITS, now);
    const c = store.start();
    clock += 50_000;
    expect(store.get(c.conversation.id)).to.equal(c.conversation);
    clock += 20_000;
    expect(store.get(c.conversation.id)).to.equal(undefined);
  });

  it('keeps the last maxActivities activities while watermarks keep counting', () => {
    const store = new DirectLineConversations(LIMITS, now);
    const { conversation } = store.start();
    const ids = Array.from({ length: 6 }, (_, i) => conversation.append({ type: 'message', text: `m${i}` }, LIMITS).id);
    expect(ids[5]).to.equal(`${conversation.id}|0000006`);
    const all = conversation.since(0);
    expect(all.activities.map((a) => a.text)).to.deep.equal(['m2', 'm3', 'm4', 'm5']);
    expect(all.watermark).to.equal('6');
    expect(conversation.since(4).activities.map((a) => a.text)).to.deep.equal(['m4', 'm5']);
    expect(conversation.since(6)).to.deep.equal({ activities: [], watermark: '6' });
  });

  it('keeps at most maxChars of JSON per conversation, but always the newest activity', () => {
    const limits = { ...LIMITS, maxActivities: 100, maxChars: 1_000 };
    const store = new DirectLineConversations(limits, now);
    const { conversation } = store.start();
    for (let i = 0; i < 5; i++) conversation.append({ type: 'message', text: `${i}`.repeat(300) }, limits);
    const kept = conversation.since(0).activities;
    expect(JSON.stringify(kept).length).to.be.at.most(1_000);
    expect(kept.at(-1)!.text).to.equal('4'.repeat(300));
    conversation.append({ type: 'message', text: 'y'.repeat(5_000) }, limits);
    expect(conversation.since(0).activities.map((a) => String(a.text).length)).to.deep.equal([5_000]);
  });
});
