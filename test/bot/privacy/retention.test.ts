import { expect } from 'chai';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { DocumentFeedbackStore } from '../../../bot/knowledge/documentFeedbackStore.js';
import { silentLogger } from '../../../bot/log.js';
import { FileTranscriptStore } from '../../../bot/privacy/fileTranscriptStore.js';
import { startRetention, sweepOnce, type TicketRetention } from '../../../bot/privacy/retention.js';
import { PrefixedStore } from '../../../bot/store/prefixedStore.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { DocumentTicketStore } from '../../../bot/tickets/documentTicketStore.js';
import type { Ticket } from '../../../bot/tickets/types.js';
import { makeTempDir } from '../../support/tempDir.js';
import { onEachBackend } from '../../support/backends.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-01-10T08:00:00Z');

/** A clock the test moves by hand. */
function clock() {
  let now = T0;
  return { now: () => new Date(now), advanceDays: (d: number) => (now += d * DAY) };
}

const activity = (conversation: string, text: string): Activity =>
  ({
    type: 'message',
    channelId: 'emulator',
    conversation: { id: conversation },
    from: { id: 'u', role: 'user' },
    recipient: { id: 'b' },
    text,
  }) as Activity;

describe('retention sweep (injected clock)', function () {
  this.timeout(30_000);

  onEachBackend(({ fresh }) => {
    it("after RETENTION_DAYS, transcripts, feedback text and closed tickets' personal fields go; the rest stays", async () => {
      const dir = await makeTempDir();
      const c = clock();
      const store = await fresh();
      const feedback = new DocumentFeedbackStore(new PrefixedStore(store, 'feedback/'));
      const b = {
        tickets: new DocumentTicketStore(new PrefixedStore(store, 'tickets/'), c.now),
        feedback,
        listFeedback: () => feedback.snapshot(),
      };
      const transcripts = new FileTranscriptStore(join(dir.path, 'transcripts'), silentLogger, c.now);

      await transcripts.logActivity(activity('old-chat', 'hello from January'));
      const closed = await b.tickets.create({
        kind: 'reseller',
        category: 'account_setup',
        customer: 'c-1',
        title: 'Sign up: Contoso, wang@contoso.cn',
        locale: 'en',
        summary: { 'zh-CN': '管理员 王磊 13812345678 wang@contoso.cn', en: 'Admin Wang Lei 13812345678 wang@contoso.cn' },
        requester: { channelId: 'emulator', userId: 'u-1' },
        details: { adminEmail: 'wang@contoso.cn', adminMobile: '13812345678', adminName: '王磊' },
      });
      await b.tickets.update(closed.id, { status: 'closed', note: 'called 13812345678', by: 'reseller' });
      const stillOpen = await b.tickets.create({
        kind: 'reseller',
        category: 'billing',
        customer: 'c-1',
        title: 'Fapiao',
        locale: 'en',
        summary: { 'zh-CN': 'x', en: 'x' },
        details: { contact: 'li@contoso.cn' },
      });
      await b.feedback.recordFeedback({
        articleId: 'billing/fapiao',
        helpful: false,
        locale: 'en',
        at: c.now().toISOString(),
        text: 'my number is 13812345678',
      });
      await b.feedback.recordUnanswered({ text: 'old question', locale: 'en', at: c.now().toISOString(), bestScore: 0.1 });

      c.advanceDays(60);
      await transcripts.logActivity(activity('new-chat', 'hello from March'));
      await b.feedback.recordUnanswered({ text: 'recent question', locale: 'en', at: c.now().toISOString(), bestScore: 0.1 });

      // Day 60: nothing is old enough yet.
      expect(
        await sweepOnce({ days: 90, feedback: b.feedback, tickets: b.tickets, transcripts, logger: silentLogger, now: c.now }),
      ).to.deep.equal({ states: 0, transcriptLines: 0, feedbackTexts: 0, tickets: 0 });

      c.advanceDays(31); // day 91: January's items are past 90 days, March's are not.
      const result = await sweepOnce({ days: 90, feedback: b.feedback, tickets: b.tickets, transcripts, logger: silentLogger, now: c.now });
      expect(result).to.deep.equal({ states: 0, transcriptLines: 1, feedbackTexts: 2, tickets: 1 });

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
      expect(
        await sweepOnce({ days: 90, feedback: b.feedback, tickets: b.tickets, transcripts, logger: silentLogger, now: c.now }),
      ).to.deep.equal({ states: 0, transcriptLines: 0, feedbackTexts: 0, tickets: 0 });
      await dir.remove();
    });

    it('conversation state and recent messages expire after STATE_TTL_DAYS idle unless handed off; users: RETENTION_DAYS', async () => {
      const store = await fresh();
      const state = new PrefixedStore(store, 'state/');
      await state.write({
        'msteams/conversations/idle/': { recentMessages: [{ role: 'user', text: 'my phone is 13812345678' }] },
        'msteams/conversations/handed-off/': { handoff: { ticketId: 'T-1001', since: '2026-01-01T00:00:00Z', locale: 'en' } },
        'msteams/users/u1/': { language: { lastDetected: 'en' } },
      });
      const sweep = (days: number) =>
        sweepOnce({
          days: 90,
          feedback: new DocumentFeedbackStore(new PrefixedStore(store, 'feedback/')),
          tickets: new DocumentTicketStore(new PrefixedStore(store, 'tickets/')),
          state: { store: state, conversationDays: 30 },
          logger: silentLogger,
          now: () => new Date(Date.now() + days * DAY),
        });
      expect((await sweep(29)).states).to.equal(0);
      expect((await sweep(31)).states).to.equal(1);
      expect(
        Object.keys(await state.read(['msteams/conversations/idle/', 'msteams/conversations/handed-off/', 'msteams/users/u1/'])).sort(),
      ).to.deep.equal(['msteams/conversations/handed-off/', 'msteams/users/u1/']);
      expect((await sweep(91)).states).to.equal(1);
      expect(Object.keys(await state.read(['msteams/conversations/handed-off/', 'msteams/users/u1/']))).to.deep.equal([
        'msteams/conversations/handed-off/',
      ]);
    });
  });

  it('sweeps at start-up, and a failing part is logged without stopping the others', async () => {
    const dir = await makeTempDir();
    const c = clock();
    const feedback = new DocumentFeedbackStore(new FileStore(dir.path));
    await feedback.recordUnanswered({ text: 'q', locale: 'en', at: c.now().toISOString(), bestScore: 0 });
    c.advanceDays(100);
    const logs: string[] = [];
    const logger = { ...silentLogger, error: (event: string) => logs.push(event) };
    const brokenTickets: TicketRetention = { rewriteWhere: () => Promise.reject(new Error('storage down')) };
    const retention = startRetention({ days: 90, feedback, tickets: brokenTickets, logger, now: c.now });
    expect(await retention.first).to.deep.equal({ states: 0, transcriptLines: 0, feedbackTexts: 1, tickets: 0 });
    expect(logs).to.deep.equal(['retention_failed']);
    await retention.stop();
    expect((await feedback.snapshot()).unanswered).to.deep.equal([]);
    await dir.remove();
  });
});
