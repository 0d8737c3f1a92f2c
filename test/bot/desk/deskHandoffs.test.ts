import { expect } from 'chai';
import { join } from 'node:path';
import { DeskHandoffs, type DeskHandoff } from '../../../bot/desk/deskHandoffs.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { PrefixedStore } from '../../../bot/store/prefixedStore.js';
import { scrubTicket } from '../../../bot/privacy/retention.js';
import type { Ticket } from '../../../bot/tickets/types.js';
import { makeTempDir } from '../../support/tempDir.js';

const now = () => new Date('2026-11-23T03:00:00Z');
const handoff = (ticketId: string): DeskHandoff => ({
  ticketId,
  locale: 'en',
  customer: { reference: { channelId: 'emulator', conversation: { id: 'c', isGroup: false, conversationType: '', name: '' } } },
  desk: { channelId: 'emulator', conversationId: 'desk' },
  health: { 'zh-CN': '正常', en: 'healthy' },
  createdAt: now().toISOString(),
  outOfHours: false,
  state: 'waiting',
});

describe('desk handoffs: conditional writes', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  /** Each call is another instance on the same DATA_DIR: its own FileStore, no shared memory. */
  const instance = () => new DeskHandoffs(new PrefixedStore(new FileStore(join(dir.path, 'store')), 'desk/'), now);

  beforeEach(async () => (dir = await makeTempDir('desk-cas-')));
  afterEach(() => dir.remove());

  it('eight agents, each on its own instance, press Take at once: exactly one wins, and everyone learns who', async () => {
    await instance().create(handoff('T-1001'));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => instance().take('T-1001', { id: `agent-${i}`, name: `Agent ${i}` })),
    );
    const winners = results.filter((r) => r.won);
    expect(winners).to.have.length(1);
    const who = winners[0]!.handoff!.takenBy!.id;
    for (const r of results) expect(r.handoff?.takenBy?.id).to.equal(who);
    expect((await instance().get('T-1001'))!.takenBy!.id).to.equal(who);
  });

  it('a relay ends once, the queue notice and the survey answer are kept once, and /queue forgets ended handoffs', async () => {
    const a = instance();
    await a.create(handoff('T-1001'));
    await a.create(handoff('T-1002'));
    expect((await Promise.all([a.markQueued('T-1002'), instance().markQueued('T-1002')])).filter((r) => r.won)).to.have.length(1);
    expect((await a.rate('T-1001', { rating: 5, at: now().toISOString() })).won).to.equal(false); // not resolved yet
    const ends = await Promise.all([a.end('T-1002', 'back', { id: 'agent' }), instance().end('T-1002', 'customer')]);
    expect(ends.filter((r) => r.won)).to.have.length(1);
    expect((await a.end('T-1001', 'resolved', { id: 'agent' })).won).to.equal(true);
    expect((await a.rate('T-1001', { rating: 4, at: now().toISOString() })).won).to.equal(true);
    expect((await instance().rate('T-1001', { rating: 1, at: now().toISOString() })).won).to.equal(false);
    expect((await a.get('T-1001'))!.csat!.rating).to.equal(4);
    expect(await a.open()).to.deep.equal([]);
    await a.create(handoff('T-1003'));
    expect((await instance().open()).map((h) => h.ticketId)).to.deep.equal(['T-1003']);
    expect((await a.take('T-1404', { id: 'x' })).won).to.equal(false);
  });

  it('retention: an ended handoff past the cutoff forgets the customer and the comment, keeps times and rating', async () => {
    const a = instance();
    await a.create({
      ...handoff('T-1001'),
      customer: {
        reference: {
          channelId: 'emulator',
          conversation: { id: 'c', isGroup: false, conversationType: '', name: '' },
          user: { id: 'u', name: 'Li Wei' },
        },
        name: 'Li Wei',
      },
    });
    await a.create(handoff('T-1002'));
    await a.take('T-1001', { id: 'agent' });
    await a.end('T-1001', 'resolved', { id: 'agent' });
    await a.rate('T-1001', { rating: 2, comment: 'call me on 13812345678', at: now().toISOString() });
    expect(await a.purge(new Date('2026-11-23T02:00:00Z'))).to.equal(0); // ended after the cutoff
    expect(await a.purge(new Date('2026-11-24T00:00:00Z'))).to.equal(1); // T-1002 is still open
    const kept = (await a.get('T-1001'))!;
    expect(kept.customer).to.deep.equal({ reference: { channelId: 'emulator' } });
    expect(kept.csat).to.deep.equal({ rating: 2, at: now().toISOString() });
    expect(kept.takenAt).to.equal(now().toISOString());
    expect(await a.purge(new Date('2026-11-24T00:00:00Z'))).to.equal(0);
  });

  it('retention of tickets: a scrubbed ticket keeps the rating, not the comment', () => {
    const at = now().toISOString();
    const ticket: Ticket = {
      id: 'T-1001',
      kind: 'reseller',
      category: 'handoff',
      title: 'Asked for a person',
      summary: { 'zh-CN': '摘要', en: 'summary' },
      locale: 'en',
      details: {},
      status: 'resolved',
      createdAt: at,
      updatedAt: at,
      history: [],
      csat: { rating: 3, comment: 'Li Wei, 13812345678', at },
    };
    expect(scrubTicket(ticket, now()).csat).to.deep.equal({ rating: 3, at });
  });
});
