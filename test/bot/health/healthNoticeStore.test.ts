import { expect } from 'chai';
import { EmbeddedHealthSource } from '../../../bot/health/embeddedHealthSource.js';
import { HealthNoticeStore } from '../../../bot/health/healthNoticeStore.js';
import { CorruptDataError } from '../../../bot/store/errors.js';
import { runHealthCommand } from '../../../scripts/lib/healthCommand.js';
import { onEachBackend } from '../../support/backends.js';

describe('HealthNoticeStore: the reseller incidents `npm run health` writes and every bot reads', function () {
  this.timeout(60_000);
  const NOW = new Date('2026-11-23T08:00:00Z');
  const quiet = { out: () => undefined, now: () => NOW };

  onEachBackend(({ fresh, another }) => {
    it('`npm run health` in another process reaches a running bot at once', async () => {
      const instance = new EmbeddedHealthSource(new HealthNoticeStore(await fresh()));
      const cli = new HealthNoticeStore(await another());
      expect((await instance.check(['exchange']))[0]!.status).to.equal('serviceOperational');

      await runHealthCommand(['set', 'exchange', 'serviceInterruption', '邮件无法发送'], cli, quiet);
      const [report] = await instance.check(['exchange']);
      expect(report!.status).to.equal('serviceInterruption');
      expect(report!.issues.map((i) => [i.id, i.title])).to.deep.equal([['INC-1001', '邮件无法发送']]);

      await runHealthCommand(['clear', 'exchange'], cli, quiet);
      expect((await instance.check(['exchange']))[0]!.status).to.equal('serviceOperational');
      expect(await instance.issue('INC-1001')).to.deep.include({ kind: 'found' });
    });

    it('two commands at once from two processes both land, with different incident numbers', async () => {
      const a = new HealthNoticeStore(await fresh());
      const b = new HealthNoticeStore(await another());
      await Promise.all([
        runHealthCommand(['set', 'exchange', 'investigating', 'Mail delays'], a, quiet),
        runHealthCommand(['set', 'teams', 'serviceDegradation', 'Meetings drop'], b, quiet),
      ]);
      const stored = await a.read();
      expect(stored.incidents.map((i) => i.service).sort()).to.deep.equal(['exchange', 'teams']);
      expect(new Set(stored.incidents.map((i) => i.id)).size).to.equal(2);
      expect(stored.nextNumber).to.equal(1003);
    });

    it('a damaged record reads as unknown, never as healthy, and is not overwritten by a read', async () => {
      const store = await fresh();
      await store.write({ 'health/notices': { nextNumber: 'x', incidents: [], eTag: '*' } });
      const notices = new HealthNoticeStore(store);
      let error: unknown;
      await notices.read().catch((err: unknown) => (error = err));
      expect(error).to.be.instanceOf(CorruptDataError);
      expect((await new EmbeddedHealthSource(notices).check(['teams']))[0]!.status).to.equal('unknown');
      expect((await store.read(['health/notices']))['health/notices']!.nextNumber).to.equal('x');
    });
  });
});
