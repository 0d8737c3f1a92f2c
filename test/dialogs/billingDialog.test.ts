import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { BillingDialog } from '../../dialogs/billingDialog.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';
import { teamsUser } from '../support/teamsUser.js';

const SAY = {
  en: {
    bill: 'show my bill',
    why: 'why is my bill higher than last month',
    owe: 'what do I owe',
    fapiao: 'I need a fapiao',
    pay: 'how do I pay the bill',
    sept: 'my bill for September 2026',
    thisMonth: 'bill for this month',
    otherMonth: 'Another month',
    badMonth: ['whenever', 'soon', 'later'],
    yes: 'yes',
    no: 'no thanks',
    cancel: 'cancel',
  },
  'zh-CN': {
    bill: '我的账单',
    why: '为什么这个月账单比上个月多',
    owe: '我们还欠多少钱，应付多少',
    fapiao: '我要开发票',
    pay: '账单怎么付款',
    sept: '2026年9月的账单',
    thisMonth: '这个月的账单',
    otherMonth: '查看其他月份',
    badMonth: ['随便', '不清楚', '都行'],
    yes: '好',
    no: '不用了',
    cancel: '取消',
  },
} as const;

const ticketsOnDisk = async (h: CustomerHarness) =>
  (
    JSON.parse(await readFile(join(h.dataDir, 'tickets.json'), 'utf8')) as {
      tickets: { id: string; category: string; customer?: string; details: Record<string, unknown> }[];
    }
  ).tickets;

for (const locale of ['en', 'zh-CN'] as const) {
  const m = messages(locale).customer;
  const s = SAY[locale];
  const fabrikam = teamsUser(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad);
  const tailspin = teamsUser(DEMO.tailspin.tenantId, DEMO.tailspin.adminAad);

  describe(`BillingDialog (${locale})`, () => {
    let h: CustomerHarness;
    beforeEach(async () => (h = await customerHarness((d) => ({ billing: new BillingDialog(d) }))));
    afterEach(() => h.remove());

    it('shows the latest invoice with CNY amounts, then the topic buttons', async () => {
      const replies = await h.say(s.bill, fabrikam);
      const latest = h.directory.invoicesOf(DEMO.fabrikam.id)[0]!;
      expect(joined(replies)).to.include(m.billing.invoiceSummary(latest)).and.include('¥7,088.00');
      const card = JSON.stringify(replies.at(-1)?.attachments?.[0]?.content);
      expect(card).to.include(m.billing.topicNames.explain).and.include('"version":"1.5"');
    });

    it('explains why this month differs from last: quantity, proration, usage', async () => {
      await h.say(s.bill, fabrikam);
      const answer = joined(await h.say(m.billing.topicNames.explain, fabrikam));
      const [nov, oct] = h.directory.invoicesOf(DEMO.fabrikam.id);
      expect(answer).to.include(m.billing.changesIntro(nov!, oct));
      // October carried a one-off proration for the five added E3 licenses; November does not.
      expect(answer).to.match(locale === 'en' ? /one-off charge .*does not repeat/ : /一次性费用.*不再收取/);
      expect(answer).to.match(locale === 'en' ? /usage .*went down/ : /用量减少/);
    });

    it('answers a question about the change directly, for a named period too', async () => {
      const direct = joined(await h.say(s.why, fabrikam));
      expect(direct).to.include(locale === 'en' ? 'What changed' : '变化原因');
      const sept = joined(await h.say(s.sept, fabrikam));
      expect(sept).to.include('INV-202609-0101').and.not.include('INV-202611-0101');
    });

    it('lists what is due with the overdue invoice and the total', async () => {
      const answer = joined(await h.say(s.owe, tailspin));
      expect(answer).to.include('INV-202610-0303').and.include('INV-202611-0303').and.include('¥5,286.75');
      expect(answer).to.include(locale === 'en' ? 'OVERDUE' : '已逾期');
    });

    it('fapiao: the article, the status, then a confirmed request becomes a billing ticket on disk', async () => {
      const first = await h.say(s.fapiao, fabrikam);
      expect(joined(first))
        .to.include(`billing/fapiao (${locale})`)
        .and.include(m.billing.offerFapiao(h.directory.invoiceOf(DEMO.fabrikam.id, 'INV-202611-0101')!));
      const done = joined(await h.say(s.yes, fabrikam));
      expect(done).to.match(/T-1001/);
      const [ticket] = await ticketsOnDisk(h);
      expect(ticket).to.deep.include({ id: 'T-1001', category: 'billing', customer: DEMO.fabrikam.id });
      expect(ticket!.details).to.deep.equal({ request: 'fapiao', invoice: 'INV-202611-0101' });
    });

    it('payment question: the article, and declining the escalation opens nothing', async () => {
      const first = joined(await h.say(s.pay, fabrikam));
      expect(first).to.include(`billing/payment-methods (${locale})`).and.include(m.billing.offerEscalation);
      expect(joined(await h.say(s.no, fabrikam))).to.equal(m.declined);
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('another month: re-asks with a hint, and gives up after three unusable answers', async () => {
      await h.say(s.bill, fabrikam);
      expect(joined(await h.say(s.otherMonth, fabrikam))).to.equal(m.billing.askPeriod);
      // Each unusable answer gets the hint and the question again; the third gives up with the way out.
      expect(joined(await h.say(s.badMonth[0], fabrikam))).to.equal(`${m.billing.periodHint}\n${m.billing.askPeriod}`);
      expect(joined(await h.say(s.badMonth[1], fabrikam))).to.equal(`${m.billing.periodHint}\n${m.billing.askPeriod}`);
      expect(joined(await h.say(s.badMonth[2], fabrikam))).to.equal(m.giveUp);
    });

    it('an opening request is matched to a topic by its cue words or an exact title, not by a close wording', async () => {
      // "bill for this month" shares a word with "Another month" but asks for this month's bill.
      const answer = joined(await h.say(s.thisMonth, fabrikam));
      expect(answer).to.include(m.billing.invoiceSummary(h.directory.invoicesOf(DEMO.fabrikam.id)[0]!));
      expect(answer).to.not.include(m.billing.askPeriod);
    });

    it('a month with no invoice names the months there are', async () => {
      await h.say(s.bill, fabrikam);
      await h.say(s.otherMonth, fabrikam);
      const answer = joined(await h.say('2025-01', fabrikam));
      expect(answer).to.equal(m.billing.periodNotFound('2025-01', ['2026-11', '2026-10', '2026-09', '2026-08']));
    });

    it("one customer asking for another's invoice number gets the same answer as for a missing one", async () => {
      const other = joined(await h.say(`${s.bill} INV-202611-0202`, fabrikam));
      const missing = joined(await h.say(`${s.bill} INV-209901-0999`, fabrikam));
      expect(other).to.equal(m.billing.invoiceNotFound('INV-202611-0202'));
      expect(missing).to.equal(m.billing.invoiceNotFound('INV-209901-0999'));
      expect(other).to.not.include('¥');
    });

    it('cancel at the fapiao offer leaves without a ticket', async () => {
      await h.say(s.fapiao, fabrikam);
      expect(joined(await h.say(s.cancel, fabrikam))).to.equal(messages(locale).cancelled);
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('an unknown Teams tenant sees no invoice', async () => {
      const answer = joined(await h.say(s.bill, teamsUser('0a0b0c0d-0000-4000-8000-00000000abcd', DEMO.fabrikam.adminAad)));
      expect(answer).to.not.match(/INV-|¥/);
      expect(answer).to.include(messages('en').customer.identify.unknownTenant(h.directory.reseller()));
    });
  });
}
