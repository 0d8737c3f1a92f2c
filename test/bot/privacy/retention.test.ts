import { expect } from 'chai';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { DocumentFeedbackStore } from '../../../bot/knowledge/documentFeedbackStore.js';
import { FileFeedbackStore } from '../../../bot/knowledge/fileFeedbackStore.js';
import { silentLogger } from '../../../bot/log.js';
import { FileTranscriptStore } from '../../../bot/privacy/fileTranscriptStore.js';
import { startRetention, sweepOnce, type Purgeable, type TicketRetention } from '../../../bot/privacy/retention.js';
import { PrefixedStore } from '../../../bot/storage/prefixedStore.js';
import { ShardedFileStore } from '../../../bot/storage/shardedFileStore.js';
import { DocumentTicketStore } from '../../../bot/tickets/documentTicketStore.js';
import { FileTicketStore } from '../../../bot/tickets/fileTicketStore.js';
import type { Ticket, TicketStore } from '../../../bot/tickets/types.js';
import { makeTempDir } from '../../support/tempDir.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-10T08:00:00Z');

/** A clock the test moves by hand. */
function clock() {
  let now = T0;
  return { now: () => new Date(now), advanceDays: (d: number) => (now += d * DAY) };
}

const activity = (conversation: string, text: string): Activity =>
  ({ type: 'message', channelId: 'emulator', conversation: { id: conversation }, from: { id: 'u', role: 'user' }, recipient: { id: 'b' }, text }) as Activity;

interface Backend {
  readonly tickets: TicketStore & TicketRetention;
  readonly feedback: Purgeable & Pick<FileFeedbackStore, 'recordFeedback' | 'recordUnanswered'>;
  listFeedback(): Promise<{ feedback: Array<{ text?: string }>; unanswered: unknown[] }>;
  close(): Promise<void>;
}

const backends: Array<[string, (dir: string, now: () => Date) => Promise<Backend>]> = [
  [
    'DATA_DIR files',
    async (dir, now) => {
      const feedback = await FileFeedbackStore.open(join(dir, 'feedback.json'));
      return {
        tickets: await FileTicketStore.open(join(dir, 'tickets.json'), now),
        feedback,
        listFeedback: async () => ({ feedback: [...feedback.listFeedback()], unanswered: [...feedback.listUnanswered()] }),
        close: async () => undefined,
      };
    },
  ],
  [
    'DocumentStore (as on Blob)',
    async (dir, now) => {
      const store = await ShardedFileStore.open(join(dir, 'state'));
      const feedback = new DocumentFeedbackStore(new PrefixedStore(store, 'feedback/'));
      return { tickets: new DocumentTicketStore(new PrefixedStore(store, 'tickets/'), now), feedback, listFeedback: () => feedback.snapshot(), close: () => store.close() };
    },
  ],
];

describe('retention sweep (injected clock)', function () {
  this.timeout(30_000);

  for (const [name, open] of backends) {
    it(`${name}: after RETENTION_DAYS, transcripts, feedback text and closed tickets' personal fields go; the rest stays`, async () => {
      const dir = await makeTempDir();
      const c = clock();
      const b = await open(dir.path, c.now);
      const transcripts = new FileTranscriptStore(join(dir.path, 'transcripts'), silentLogger, c.now);

      await transcripts.logActivity(activity('old-chat', 'hello from January'));
      const closed = await b.tickets.create({
        kind: 'reseller', category: 'account_setup', customer: 'c-1', title: 'Sign up: Contoso, wang@contoso.cn', locale: 'en',
        summary: { 'zh-CN': '管理员 王磊 13812345678 wang@contoso.cn', en: 'Admin Wang Lei 13812345678 wang@contoso.cn' },
        requester: { channelId: 'emulator', userId: 'u-1' }, details: { adminEmail: 'wang@contoso.cn', adminMobile: '13812345678', adminName: '王磊' },
      });
      await b.tickets.update(closed.id, { status: 'closed', note: 'called 13812345678', by: 'reseller' });
      const stillOpen = await b.tickets.create({ kind: 'reseller', category: 'billing', customer: 'c-1', title: 'Fapiao', locale: 'en', summary: { 'zh-CN': 'x', en: 'x' }, details: { contact: 'li@contoso.cn' } });
      await b.feedback.recordFeedback({ articleId: 'billing/fapiao', helpful: false, locale: 'en', at: c.now().toISOString(), text: 'my number is 13812345678' });
      await b.feedback.recordUnanswered({ text: 'old question', locale: 'en', at: c.now().toISOString(), bestScore: 0.1 });

      c.advanceDays(60);
      await transcripts.logActivity(activity('new-chat', 'hello from March'));
      await b.feedback.recordUnanswered({ text: 'recent question', locale: 'en', at: c.now().toISOString(), bestScore: 0.1 });

      // Day 60: nothing is old enough yet.
      expect(await sweepOnce({ days: 90, feedback: b.feedback, tickets: b.tickets, transcripts, logger: silentLogger, now: c.now })).to.deep.equal({ transcriptLines: 0, feedbackTexts: 0, tickets: 0 });

      c.advanceDays(31); // day 91: January's items are past 90 days, March's are not.
      const result = await sweepOnce({ days: 90, feedback: b.feedback, tickets: b.tickets, transcripts, logger: silentLogger, now: c.now });
      expect(result).to.deep.equal({ transcriptLines: 1, feedbackTexts: 2, tickets: 1 });

      const kept = (await transcripts.getTranscriptActivities('emulator', 'new-chat')).items;
      expect(kept.map((a) => a.text)).to.deep.equal(['hello from March']);
      expect((await transcripts.getTranscriptActivities('emulator', 'old-chat')).items).to.deep.equal([]);

      const fb = await b.listFeedback();
      expect(fb.feedback).to.have.length(1);
      expect(fb.feedback[0]!.text).to.equal(undefined);
      expect(fb.unanswered).to.have.length(1);

      const scrubbed = (await b.tickets.get(closed.id)) as Ticket;
      expect(scrubbed.status).to.equal('closed');
      expect(scrubbed.customer).to.equal('c-1');
      expect(scrubbed.requester).to.equal(undefined);
      expect(JSON.stringify(scrubbed)).to.not.include('13812345678').and.not.include('wang@contoso.cn').and.not.include('王磊');
      expect((await b.tickets.get(stillOpen.id))!.details).to.deep.equal({ contact: 'li@contoso.cn' });

      // A second sweep finds nothing more to do.
      expect(await sweepOnce({ days: 90, feedback: b.feedback, tickets: b.tickets, transcripts, logger: silentLogger, now: c.now })).to.deep.equal({ transcriptLines: 0, feedbackTexts: 0, tickets: 0 });
      await b.close();
      await dir.remove();
    });
  }

  it('sweeps at start-up, and a failing part is logged without stopping the others', async () => {
    const dir = await makeTempDir();
    const c = clock();
    const feedback = await FileFeedbackStore.open(join(dir.path, 'feedback.json'));
    await feedback.recordUnanswered({ text: 'q', locale: 'en', at: c.now().toISOString(), bestScore: 0 });
    c.advanceDays(100);
    const logs: string[] = [];
    const logger = { ...silentLogger, error: (event: string) => logs.push(event) };
    const brokenTickets: TicketRetention = { rewriteWhere: () => Promise.reject(new Error('storage down')) };
    const retention = startRetention({ days: 90, feedback, tickets: brokenTickets, logger, now: c.now });
    expect(await retention.first).to.deep.equal({ transcriptLines: 0, feedbackTexts: 1, tickets: 0 });
    expect(logs).to.deep.equal(['retention_failed']);
    await retention.stop();
    expect(JSON.parse(await fs.readFile(join(dir.path, 'feedback.json'), 'utf8')).unanswered).to.deep.equal([]);
    await dir.remove();
  });
});
