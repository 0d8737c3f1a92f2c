import { expect } from 'chai';
import { join } from 'node:path';
import { FileStore } from '../../../bot/store/fileStore.js';
import { PendingNotifications, type PendingNotification } from '../../../bot/tickets/pendingNotifications.js';
import { makeTempDir } from '../../support/tempDir.js';

const slowly = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('PendingNotifications (status changes queued while no bot ran)', () => {
  let dir: { path: string; remove: () => Promise<void> };
  let store: FileStore;
  let now: number;

  beforeEach(async () => {
    dir = await makeTempDir('pending-');
    store = new FileStore(join(dir.path, 'outbox'));
    now = Date.parse('2026-11-24T02:00:00Z');
  });
  afterEach(async () => {
    await dir.remove();
  });

  const queue = async (...ids: string[]) => {
    const pending = new PendingNotifications(store, () => now);
    for (const id of ids) await pending.add({ ticketId: id, at: new Date(now).toISOString(), note: `note for ${id}` });
  };
  const stored = async () =>
    ((await store.read(['notifications/pending']))['notifications/pending'] as { items: PendingNotification[] }).items;

  it('two instances starting at once send every queued change exactly once, then the queue is empty', async () => {
    await queue('T-1001', 'T-1002', 'T-1003');
    const sent: string[] = [];
    const send = async (item: PendingNotification) => {
      await slowly();
      sent.push(item.ticketId);
    };
    const counts = await Promise.all([
      new PendingNotifications(store, () => now).drain(send),
      new PendingNotifications(store, () => now).drain(send),
    ]);
    expect(sent.sort()).to.deep.equal(['T-1001', 'T-1002', 'T-1003']);
    expect(counts[0] + counts[1]).to.equal(3);
    expect(await stored()).to.deep.equal([]);
  });

  it('a failed send stays queued, without a claim, for the next start', async () => {
    await queue('T-1001', 'T-1002');
    const pending = new PendingNotifications(store, () => now);
    const count = await pending.drain(async (item) => {
      if (item.ticketId === 'T-1002') throw new Error('connector down');
    });
    expect(count).to.equal(1);
    expect(await stored()).to.deep.equal([{ ticketId: 'T-1002', at: new Date(now).toISOString(), note: 'note for T-1002' }]);
    const later: string[] = [];
    expect(await pending.drain(async (item) => void later.push(item.ticketId))).to.equal(1);
    expect(later).to.deep.equal(['T-1002']);
  });

  it('items claimed by an instance that died are sent by another once the claim runs out', async () => {
    await queue('T-1001');
    const dying = new PendingNotifications(store, () => now, 60_000);
    // The first instance claims, then never finishes (its send never settles).
    void dying.drain(() => new Promise<void>(() => undefined));
    await slowly();
    const sent: string[] = [];
    const other = new PendingNotifications(store, () => now, 60_000);
    expect(await other.drain(async (item) => void sent.push(item.ticketId))).to.equal(0);
    now += 60_001;
    expect(await other.drain(async (item) => void sent.push(item.ticketId))).to.equal(1);
    expect(sent).to.deep.equal(['T-1001']);
  });
});
