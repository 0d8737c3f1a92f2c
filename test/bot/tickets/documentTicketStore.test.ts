import { expect } from 'chai';
import { BlobDocumentStore } from '../../../bot/storage/blobDocumentStore.js';
import { PrefixedStore } from '../../../bot/storage/prefixedStore.js';
import { ShardedFileStore } from '../../../bot/storage/shardedFileStore.js';
import { DocumentTicketStore } from '../../../bot/tickets/documentTicketStore.js';
import { TicketNotFoundError } from '../../../bot/tickets/fileTicketStore.js';
import { startAzurite, type Azurite } from '../../support/azurite.js';
import { newTicket as ticket } from '../../support/newTicket.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('DocumentTicketStore', function () {
  this.timeout(60_000);

  describe('on lowdb shards', () => {
    it('numbers, finds, lists, updates and survives a reopen', async () => {
      const dir = await makeTempDir();
      let files = await ShardedFileStore.open(dir.path);
      const store = new DocumentTicketStore(new PrefixedStore(files, 'tickets/'), () => new Date('2026-11-23T08:00:00Z'));
      const [a, b] = await Promise.all([store.create(ticket('c1')), store.create(ticket('c2'))]);
      expect([a.id, b.id].sort()).to.deep.equal(['T-1001', 'T-1002']);
      expect((await store.list({ customer: 'c1' })).map((t) => t.customer)).to.deep.equal(['c1']);
      expect((await store.get('#1002'))?.title).to.equal('加 5 个 E3 许可证');
      expect(await store.get('T-9999')).to.equal(undefined);
      expect(await store.get('not an id')).to.equal(undefined);
      const updated = await store.update('t-1001', { status: 'escalated', note: 'sent', by: 'reseller', links: { escalatedTo: 'T-1003' } });
      expect(updated.history.map((h) => h.status)).to.deep.equal(['open', 'escalated']);
      await files.close();
      files = await ShardedFileStore.open(dir.path);
      const again = new DocumentTicketStore(new PrefixedStore(files, 'tickets/'));
      expect((await again.get('T-1001'))?.links).to.deep.equal({ escalatedTo: 'T-1003' });
      expect((await again.create(ticket('c3'))).id).to.equal('T-1003');
      let error: unknown;
      await again.update('T-4242', { status: 'closed', by: 'reseller' }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TicketNotFoundError);
      error = undefined;
      await again.update('T-1001', { status: 'done' as never, by: 'reseller' }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(RangeError);
      await files.close();
      await dir.remove();
    });
  });

  describe('on Azure Blob (Azurite), shared by several instances', () => {
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => azurite.stop());

    it('gives 60 tickets created at once through three instances 60 distinct ids, and lists every one', async () => {
      const container = azurite.container();
      const instances = await Promise.all([0, 1, 2].map(async () => new DocumentTicketStore(new PrefixedStore(await BlobDocumentStore.open(azurite.connectionString, container), 'tickets/'))));
      const created = await Promise.all(Array.from({ length: 60 }, (_, i) => instances[i % 3]!.create(ticket(`c${i % 4}`, `ticket ${i}`))));
      const ids = created.map((t) => t.id);
      expect(new Set(ids).size).to.equal(60);
      const listed = await instances[1]!.list();
      expect(listed.map((t) => t.id).sort()).to.deep.equal([...ids].sort());
      expect(listed.map((t) => t.title).sort()).to.deep.equal(created.map((t) => t.title).sort());
      expect((await instances[2]!.list({ customer: 'c1' })).length).to.equal(15);
    });

    it('keeps every history entry when instances update the same ticket at once', async () => {
      const container = azurite.container();
      const a = new DocumentTicketStore(new PrefixedStore(await BlobDocumentStore.open(azurite.connectionString, container), 'tickets/'));
      const b = new DocumentTicketStore(new PrefixedStore(await BlobDocumentStore.open(azurite.connectionString, container), 'tickets/'));
      const t = await a.create(ticket('c1'));
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).update(t.id, { note: `note ${i}`, by: 'reseller' })));
      const notes = (await a.get(t.id))!.history.map((h) => h.note).filter(Boolean);
      expect([...notes].sort()).to.deep.equal(Array.from({ length: 10 }, (_, i) => `note ${i}`).sort());
    });

    it('lists around a number whose creation never finished', async () => {
      const container = azurite.container();
      const blob = new PrefixedStore(await BlobDocumentStore.open(azurite.connectionString, container), 'tickets/');
      const store = new DocumentTicketStore(blob);
      await store.create(ticket('c1'));
      // A crash after taking a number but before writing the ticket leaves a gap, not a phantom.
      await blob.write({ counter: { next: 1003 } });
      await store.create(ticket('c2'));
      expect((await store.list()).map((t) => t.id)).to.deep.equal(['T-1001', 'T-1003']);
    });
  });
});
