import { expect } from 'chai';
import { EmbeddedHealthSource } from '../../../bot/health/embeddedHealthSource.js';
import { SharedHealthNotices } from '../../../bot/health/sharedHealthNotices.js';
import { BlobDocumentStore } from '../../../bot/storage/blobDocumentStore.js';
import { CorruptDataError } from '../../../bot/storage/errors.js';
import { runHealthCommand } from '../../../scripts/lib/healthCommand.js';
import { startAzurite, type Azurite } from '../../support/azurite.js';

describe('SharedHealthNotices: the reseller incidents every instance reads (STORAGE=blob, on Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  before(async () => (azurite = await startAzurite()));
  after(() => azurite.stop());

  const NOW = new Date('2026-11-23T08:00:00Z');
  const quiet = { out: () => undefined, now: () => NOW };

  it('`npm run health` on one machine reaches another instance once its short cache runs out', async () => {
    const container = azurite.container();
    const cli = new SharedHealthNotices(await BlobDocumentStore.open(azurite.connectionString, container));
    let clock = 0;
    const instance = new EmbeddedHealthSource(new SharedHealthNotices(await BlobDocumentStore.open(azurite.connectionString, container), () => clock));
    expect((await instance.check(['exchange']))[0]!.status).to.equal('serviceOperational');

    await runHealthCommand(['set', 'exchange', 'serviceInterruption', '邮件无法发送'], cli, quiet);
    expect((await instance.check(['exchange']))[0]!.status, 'still cached').to.equal('serviceOperational');
    clock += 15_000;
    const [report] = await instance.check(['exchange']);
    expect(report!.status).to.equal('serviceInterruption');
    expect(report!.issues.map((i) => [i.id, i.title])).to.deep.equal([['INC-1001', '邮件无法发送']]);

    await runHealthCommand(['clear', 'exchange'], cli, quiet);
    clock += 15_000;
    expect((await instance.check(['exchange']))[0]!.status).to.equal('serviceOperational');
    expect(await instance.issue('INC-1001')).to.deep.include({ kind: 'found' });
  });

  it('two commands at once on two machines both land, with different incident numbers', async () => {
    const container = azurite.container();
    const [a, b] = await Promise.all([0, 1].map(async () => new SharedHealthNotices(await BlobDocumentStore.open(azurite.connectionString, container))));
    await Promise.all([runHealthCommand(['set', 'exchange', 'investigating', 'Mail delays'], a!, quiet), runHealthCommand(['set', 'teams', 'serviceDegradation', 'Meetings drop'], b!, quiet)]);
    const stored = await new SharedHealthNotices(await BlobDocumentStore.open(azurite.connectionString, container)).read();
    expect(stored.incidents.map((i) => i.service).sort()).to.deep.equal(['exchange', 'teams']);
    expect(new Set(stored.incidents.map((i) => i.id)).size).to.equal(2);
    expect(stored.nextNumber).to.equal(1003);
  });

  it('a damaged record reads as unknown, never as healthy', async () => {
    const container = azurite.container();
    const store = await BlobDocumentStore.open(azurite.connectionString, container);
    await store.write({ 'health/notices': { nextNumber: 'x', incidents: [], eTag: '*' } });
    const notices = new SharedHealthNotices(store);
    let error: unknown;
    await notices.read().catch((err: unknown) => (error = err));
    expect(error).to.be.instanceOf(CorruptDataError);
    expect((await new EmbeddedHealthSource(notices).check(['teams']))[0]!.status).to.equal('unknown');
  });
});
