import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileTicketStore, normaliseTicketId, TicketNotFoundError } from '../../../bot/tickets/fileTicketStore.js';
import { newTicket as ticket } from '../../support/newTicket.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('FileTicketStore', () => {
  it('creates numbered tickets that are on disk before create resolves', async () => {
    const dir = await makeTempDir();
    const file = join(dir.path, 'tickets.json');
    const store = await FileTicketStore.open(file, () => new Date('2026-11-23T08:00:00Z'));
    const [a, b] = await Promise.all([store.create(ticket('c1')), store.create(ticket('c2'))]);
    expect([a.id, b.id]).to.deep.equal(['T-1001', 'T-1002']);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { tickets: Array<{ id: string; title: string }> };
    expect(onDisk.tickets.map((t) => t.id)).to.deep.equal(['T-1001', 'T-1002']);
    expect(onDisk.tickets[0]!.title).to.equal('加 5 个 E3 许可证');
    await dir.remove();
  });

  it('lists by customer, finds by any id spelling, and records status history', async () => {
    const dir = await makeTempDir();
    const store = await FileTicketStore.open(join(dir.path, 'tickets.json'));
    await store.create(ticket('c1'));
    await store.create(ticket('c2'));
    expect((await store.list({ customer: 'c1' })).map((t) => t.id)).to.deep.equal(['T-1001']);
    expect((await store.get('#1002'))?.customer).to.equal('c2');
    const updated = await store.update('t-1001', { status: 'escalated', note: 'sent to 21Vianet', by: 'reseller', links: { escalatedTo: 'SR-1' } });
    expect(updated.history.map((h) => h.status)).to.deep.equal(['open', 'escalated']);
    expect(updated.links).to.deep.equal({ escalatedTo: 'SR-1' });
    const reopened = await FileTicketStore.open(join(dir.path, 'tickets.json'));
    expect((await reopened.get('T-1001'))?.status).to.equal('escalated');
    await dir.remove();
  });

  it('rejects unknown tickets and statuses', async () => {
    const dir = await makeTempDir();
    const store = await FileTicketStore.open(join(dir.path, 'tickets.json'));
    let error: unknown;
    await store.update('T-9999', { status: 'closed', by: 'reseller' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TicketNotFoundError);
    error = undefined;
    await store.create(ticket('c1'));
    await store.update('T-1001', { status: 'done' as never, by: 'reseller' }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(RangeError);
    expect(normaliseTicketId('1024')).to.equal('T-1024');
    expect(normaliseTicketId('abc')).to.equal(undefined);
    await dir.remove();
  });
});
