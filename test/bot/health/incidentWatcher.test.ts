import { expect } from 'chai';
import { join } from 'node:path';
import { HealthWatchStore, type HealthWatch } from '../../../bot/health/healthWatchStore.js';
import { IncidentWatcher } from '../../../bot/health/incidentWatcher.js';
import type { HealthIssue, HealthSource, IssueLookup } from '../../../bot/health/types.js';
import type { Locale } from '../../../bot/i18n/locale.js';
import { messages } from '../../../bot/i18n/messages.js';
import { silentLogger } from '../../../bot/log.js';
import type { Notifier, Recipient } from '../../../bot/proactive/notifier.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { makeTempDir } from '../../support/tempDir.js';

/** Issue lookups set by the test. */
class ScriptedSource implements HealthSource {
  readonly lookups = new Map<string, IssueLookup>();
  asked = 0;
  async check(): Promise<never[]> {
    return [];
  }
  async issue(id: string): Promise<IssueLookup> {
    this.asked++;
    return this.lookups.get(id) ?? { kind: 'gone' };
  }
}

/** Records each notice in both languages; `reach` says how many conversations each call reaches. */
class RecordingNotifier implements Notifier {
  readonly sent: Array<{ recipient: Recipient; en: string; zh: string }> = [];
  reach: number | 'throw' = 1;
  async notify(recipient: Recipient, text: (locale: Locale) => string): Promise<number> {
    if (this.reach === 'throw') throw new Error('storage down');
    this.sent.push({ recipient, en: text('en'), zh: text('zh-CN') });
    return this.reach;
  }
}

const issue = (fields: Partial<HealthIssue>): HealthIssue => ({
  id: 'EX1',
  service: 'exchange',
  classification: 'incident',
  status: 'serviceDegradation',
  title: 'Mail delays',
  impact: '',
  startTime: '2026-11-23T08:00:00Z',
  lastUpdate: '2026-11-23T08:00:00Z',
  resolved: false,
  origin: 'graph',
  ...fields,
});
const watch = (userId: string, issueId = 'EX1'): HealthWatch => ({
  recipient: { channelId: 'webchat', userId },
  issueId,
  service: 'exchange',
  title: 'Mail delays (as subscribed)',
  createdAt: '2026-11-23T08:00:00Z',
});

describe('IncidentWatcher', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let files: FileStore;
  let store: HealthWatchStore;
  let source: ScriptedSource;
  let notifier: RecordingNotifier;
  let watcher: IncidentWatcher;

  beforeEach(async () => {
    dir = await makeTempDir('watcher-');
    files = new FileStore(join(dir.path, 'state'));
    store = new HealthWatchStore(files);
    source = new ScriptedSource();
    notifier = new RecordingNotifier();
    watcher = new IncidentWatcher({ source, watches: store, notifier, logger: silentLogger, intervalMs: 10 });
  });
  afterEach(async () => {
    await watcher.stop();
    await dir.remove();
  });

  it('keeps quiet while the incident goes on or its source cannot be asked', async () => {
    await store.add([watch('u1')]);
    source.lookups.set('EX1', { kind: 'found', issue: issue({}) });
    await watcher.pollOnce();
    source.lookups.set('EX1', { kind: 'unknown' });
    await watcher.pollOnce();
    expect(notifier.sent).to.deep.equal([]);
    expect(await store.list()).to.have.length(1);
  });

  it('tells every watcher once when it is resolved, with the current title shown literally', async () => {
    await store.add([watch('u1'), watch('u2')]);
    source.lookups.set('EX1', { kind: 'found', issue: issue({ resolved: true, status: 'serviceRestored', title: 'Mail *delays*' }) });
    await watcher.pollOnce();
    expect(notifier.sent.map((s) => s.recipient.userId)).to.deep.equal(['u1', 'u2']);
    expect(notifier.sent[0]!.en).to.equal(messages('en').health.resolvedNotice('exchange', 'Mail \\*delays\\*'));
    expect(notifier.sent[0]!.zh).to.equal(messages('zh-CN').health.resolvedNotice('exchange', 'Mail \\*delays\\*'));
    expect(await store.list()).to.deep.equal([]);
    await watcher.pollOnce();
    expect(notifier.sent).to.have.length(2);
  });

  it('an incident its source no longer lists counts as over, named by the title stored when subscribing', async () => {
    await store.add([watch('u1', 'INC-1001')]);
    await watcher.pollOnce();
    expect(notifier.sent[0]!.en).to.include('Mail delays \\(as subscribed\\)');
  });

  it('a notice that reaches nobody is retried on the next polls, then given up', async () => {
    await store.add([watch('u1')]);
    notifier.reach = 0;
    await watcher.pollOnce();
    expect((await store.list())[0]!.failures).to.equal(1);
    notifier.reach = 'throw';
    await watcher.pollOnce();
    expect((await store.list())[0]!.failures).to.equal(2);
    notifier.reach = 0;
    await watcher.pollOnce();
    expect(await store.list()).to.deep.equal([]);
  });

  it('survives a restart: watches are read back from disk', async () => {
    await store.add([watch('u1'), watch('u1')]);
    files = new FileStore(join(dir.path, 'state'));
    const reopened = new HealthWatchStore(files);
    expect(await reopened.list()).to.deep.equal([watch('u1')]);
  });

  it('two instances polling one store tell each subscriber once', async () => {
    await store.add([watch('u1'), watch('u2')]);
    const second = new IncidentWatcher({ source, watches: new HealthWatchStore(files), notifier, logger: silentLogger, intervalMs: 10 });
    await Promise.all([watcher.pollOnce(), second.pollOnce()]);
    expect(notifier.sent.map((s) => s.recipient.userId).sort()).to.deep.equal(['u1', 'u2']);
    expect(await store.list()).to.deep.equal([]);
  });

  it('a watch claimed by an instance that died is told by another once the claim runs out', async () => {
    let now = Date.parse('2026-11-23T09:00:00Z');
    const clocked = new HealthWatchStore(files, () => now, 60_000);
    await clocked.add([watch('u1')]);
    expect(await clocked.claim([watch('u1')], 'instance-that-died')).to.have.length(1);
    const survivor = new IncidentWatcher({ source, watches: clocked, notifier, logger: silentLogger, intervalMs: 10 });
    await survivor.pollOnce();
    expect(notifier.sent).to.deep.equal([]);
    now += 60_001;
    await survivor.pollOnce();
    expect(notifier.sent.map((s) => s.recipient.userId)).to.deep.equal(['u1']);
  });

  it('polls on its own once started, and stop() waits for the poll in progress', async () => {
    await store.add([watch('u1')]);
    source.lookups.set('EX1', { kind: 'found', issue: issue({}) });
    watcher.start();
    while (source.asked < 3) await new Promise((r) => setTimeout(r, 5));
    await watcher.stop();
    const asked = source.asked;
    await new Promise((r) => setTimeout(r, 50));
    expect(source.asked).to.equal(asked, 'no poll after stop()');
  });
});
