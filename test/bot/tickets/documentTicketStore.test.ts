import { expect } from 'chai';
import { BadInputError } from '../../../bot/errors.js';
import { CorruptDataError } from '../../../bot/store/errors.js';
import { PrefixedStore } from '../../../bot/store/prefixedStore.js';
import { DocumentTicketStore } from '../../../bot/tickets/documentTicketStore.js';
import { MAX_HISTORY } from '../../../bot/tickets/history.js';
import { TicketNotFoundError } from '../../../bot/tickets/ticketId.js';
import { onEachBackend } from '../../support/backends.js';
import { newTicket as ticket } from '../../support/newTicket.js';

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (err: unknown) => err,
  );
}

describe('DocumentTicketStore (the one ticket store, on both backends)', function () {
  this.timeout(60_000);

  onEachBackend(({ fresh, another }) => {
    const open = async (via = fresh) =>
      new DocumentTicketStore(new PrefixedStore(await via(), 'tickets/'), () => new Date('2026-11-23T08:00:00Z'));

    it('numbers, finds, lists, updates and survives a reopen', async () => {
      const store = await open();
      const [a, b] = await Promise.all([store.create(ticket('c1')), store.create(ticket('c2'))]);
      expect([a.id, b.id].sort()).to.deep.equal(['T-1001', 'T-1002']);
      expect((await store.list({ customer: 'c1' })).map((t) => t.customer)).to.deep.equal(['c1']);
      expect((await store.get('#1002'))?.title).to.equal('加 5 个 E3 许可证');
      expect(await store.get('T-9999')).to.equal(undefined);
      expect(await store.get('not an id')).to.equal(undefined);
      const updated = await store.update('t-1001', { status: 'escalated', note: 'sent', by: 'reseller', links: { escalatedTo: 'T-1003' } });
      expect(updated.history.map((h) => h.status)).to.deep.equal(['open', 'escalated']);
      const again = await open(another);
      expect((await again.get('T-1001'))?.links).to.deep.equal({ escalatedTo: 'T-1003' });
      expect((await again.create(ticket('c3'))).id).to.equal('T-1003');
      expect(await rejection(again.update('T-4242', { status: 'closed', by: 'reseller' }))).to.be.instanceOf(TicketNotFoundError);
      expect(await rejection(again.update('T-1001', { status: 'done' as never, by: 'reseller' }))).to.be.instanceOf(BadInputError);
    });

    it('enforces the lifecycle whatever the backend: a closed ticket only reopens', async () => {
      const store = await open();
      const t = await store.create(ticket('c1'));
      await store.update(t.id, { status: 'closed', by: 'reseller' });
      expect(((await rejection(store.update(t.id, { status: 'escalated', by: 'reseller' }))) as Error).message).to.include(
        'can go to open, not escalated',
      );
      expect((await store.get(t.id))!.status).to.equal('closed');
      expect((await store.update(t.id, { status: 'open', by: 'reseller' })).status).to.equal('open');
    });

    it('gives 30 tickets created at once through two handles 30 distinct ids, and lists every one', async () => {
      const handles = [await open(), await open(another)];
      const created = await Promise.all(Array.from({ length: 30 }, (_, i) => handles[i % 2]!.create(ticket(`c${i % 3}`, `ticket ${i}`))));
      const ids = created.map((t) => t.id);
      expect(new Set(ids).size).to.equal(30);
      expect((await handles[1]!.list()).map((t) => t.id)).to.deep.equal([...ids].sort((x, y) => Number(x.slice(2)) - Number(y.slice(2))));
      expect(await handles[0]!.list({ customer: 'c1' })).to.have.length(10);
    });

    it('keeps every history entry when two handles update the same ticket at once', async () => {
      const [a, b] = [await open(), await open(another)];
      const t = await a.create(ticket('c1'));
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).update(t.id, { note: `note ${i}`, by: 'reseller' })));
      const notes = (await a.get(t.id))!.history.map((h) => h.note).filter(Boolean);
      expect([...notes].sort()).to.deep.equal(Array.from({ length: 10 }, (_, i) => `note ${i}`).sort());
    });

    it('never hands out an id twice, even with the counter set back below the highest ticket', async () => {
      const raw = new PrefixedStore(await fresh(), 'tickets/');
      const store = new DocumentTicketStore(raw);
      await store.create(ticket('c1'));
      await store.create(ticket('c2'));
      await raw.write({ counter: { next: 1001 } });
      expect((await store.create(ticket('c3'))).id).to.equal('T-1003');
      expect((await store.list()).map((t) => [t.id, t.customer])).to.deep.equal([
        ['T-1001', 'c1'],
        ['T-1002', 'c2'],
        ['T-1003', 'c3'],
      ]);
      // A counter document of the wrong shape is repaired the same way, never trusted.
      await raw.write({ counter: { next: 'lots' } });
      expect((await store.create(ticket('c4'))).id).to.equal('T-1004');
    });

    it('lists around a number whose creation never finished', async () => {
      const raw = new PrefixedStore(await fresh(), 'tickets/');
      const store = new DocumentTicketStore(raw);
      await store.create(ticket('c1'));
      // A crash after taking a number but before writing the ticket leaves a gap, not a phantom.
      await raw.write({ counter: { next: 1003 } });
      await store.create(ticket('c2'));
      expect((await store.list()).map((t) => t.id)).to.deep.equal(['T-1001', 'T-1003']);
    });

    it('refuses a ticket document of the wrong shape with its key and JSON path, and leaves it as it is', async () => {
      const raw = new PrefixedStore(await fresh(), 'tickets/');
      const store = new DocumentTicketStore(raw);
      await store.create(ticket('c1'));
      await raw.write({ 'T-1001': { id: 'T-1001', kind: 'reseller', status: 'weird' } });
      const error = await rejection(store.get('T-1001'));
      expect(error).to.be.instanceOf(CorruptDataError);
      expect((error as Error).message)
        .to.include('T-1001')
        .and.include('$.status');
      expect(await rejection(store.update('T-1001', { note: 'x', by: 'reseller' }))).to.be.instanceOf(CorruptDataError);
      expect((await raw.read(['T-1001']))['T-1001']!.status).to.equal('weird');
    });

    it('stores titles and notes without control characters, and caps notes at 4,000 characters', async () => {
      const store = await open();
      const t = await store.create({ ...ticket('c1'), title: 'Outlook \u001b[2J打不开\u202e' });
      expect(t.title).to.equal('Outlook [2J打不开');
      const long = await store.update(t.id, { note: `x${'y'.repeat(5000)}\u0007`, by: 'customer' });
      const note = long.history.at(-1)!.note!;
      expect(note.startsWith(`x${'y'.repeat(3999)}`)).to.equal(true);
      expect(note)
        .to.match(/truncated to the first 4,000 characters/)
        .and.not.match(/\u0007/);
    });

    it('folds the oldest relayed customer lines into a count once the history is long, keeping status changes', async () => {
      const store = await open();
      const t = await store.create(ticket('c1'));
      await store.update(t.id, { status: 'waiting_on_customer', note: 'please send a screenshot', by: 'reseller' });
      for (let i = 0; i < MAX_HISTORY + 20; i++) await store.update(t.id, { note: `message ${i}`, by: 'customer' });
      const history = (await store.get(t.id))!.history;
      expect(history).to.have.length(MAX_HISTORY);
      expect(history[0]!.status).to.equal('open');
      const folded = history.find((h) => h.folded !== undefined)!.folded!;
      // Every message is either still there or counted: 220 sent, the opening entry and the note kept.
      expect(folded + history.filter((h) => h.by === 'customer').length).to.equal(MAX_HISTORY + 20);
      expect(folded).to.equal(23);
      expect(history.some((h) => h.note === 'please send a screenshot')).to.equal(true);
      expect(history.at(-1)!.note).to.equal(`message ${MAX_HISTORY + 19}`);
    });
  });
});
