import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { SubscriptionDialog } from '../../dialogs/subscriptionDialog.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';
import { teamsUser } from '../support/teamsUser.js';

const SAY = {
  en: {
    add5: 'add 5 licenses to my subscription',
    trial: 'convert my trial subscription to paid',
    renewOff: 'turn off auto-renew for a subscription',
    reduce: 'reduce licenses on my subscription',
    list: 'show my subscriptions',
    upgrade: 'upgrade my subscription',
    plan: 'the Office 365 E5 subscription',
    yes: 'yes',
    no: 'no',
    cancel: 'cancel',
    junk: ['lots', 'many', 'a bunch'],
  },
  'zh-CN': {
    add5: '订阅再加5个许可证',
    trial: '把试用订阅转成付费',
    renewOff: '关闭自动续订',
    reduce: '订阅减少许可证',
    list: '查看我的订阅',
    upgrade: '升级订阅',
    plan: 'Office 365 E5 订阅',
    yes: '确认',
    no: '算了',
    cancel: '取消',
    junk: ['很多', '一些', '若干'],
  },
} as const;

const ticketsOnDisk = async (h: CustomerHarness) =>
  (
    JSON.parse(await readFile(join(h.dataDir, 'tickets.json'), 'utf8')) as {
      tickets: { id: string; kind: string; category: string; customer?: string; details: Record<string, unknown> }[];
    }
  ).tickets;

for (const locale of ['en', 'zh-CN'] as const) {
  const m = messages(locale).customer;
  const s = SAY[locale];
  const fabrikam = teamsUser(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad);
  const northwind = teamsUser(DEMO.northwind.tenantId, DEMO.northwind.adminAad);

  describe(`SubscriptionDialog (${locale})`, () => {
    let h: CustomerHarness;
    beforeEach(async () => (h = await customerHarness((d) => ({ subscription: new SubscriptionDialog(d) }))));
    afterEach(() => h.remove());

    it('adds licenses: the count from the message, the price effect, then a reseller ticket on disk', async () => {
      const first = joined(await h.say(s.add5, fabrikam));
      expect(first).to.include(m.subscription.list(h.directory.subscriptionsOf(DEMO.fabrikam.id)));
      // Only the E3 subscription can take more licenses (the Azure plan is pay-as-you-go), so no "which?" question.
      const request = { change: 'add', offer: 'Office 365 E3', currentQuantity: 30, quantity: 5, monthlyDeltaCny: 950 } as const;
      expect(first).to.include(m.subscription.confirm(request)).and.include('+¥950.00');
      const done = joined(await h.say(s.yes, fabrikam));
      expect(done).to.equal(m.subscription.created('T-1001', h.directory.reseller()));
      const [ticket] = await ticketsOnDisk(h);
      expect(ticket).to.deep.include({ kind: 'reseller', category: 'subscription_change', customer: DEMO.fabrikam.id });
      expect(ticket!.details).to.deep.include({ change: 'add', quantity: 5, subscriptionId: 'sub-fab-e3' });
      // It does not pretend: the directory still has 30 licenses.
      expect(h.directory.subscriptionsOf(DEMO.fabrikam.id)[0]!.quantity).to.equal(30);
    });

    it('trial to paid picks the only trial and states the monthly cost', async () => {
      const first = joined(await h.say(s.trial, northwind));
      expect(first).to.include(
        m.subscription.confirm({ change: 'trialToPaid', offer: 'Office 365 E5 (trial)', currentQuantity: 25, monthlyDeltaCny: 7500 }),
      );
      await h.say(s.yes, northwind);
      expect(h.tickets.tickets[0]!.details).to.deep.include({ change: 'trialToPaid', subscriptionId: 'sub-nw-e5t' });
    });

    it('trial to paid with fewer licenses than the trial has: that many are confirmed and filed', async () => {
      const fewer = locale === 'en' ? 'convert my trial to paid, but only 20 licenses' : '试用转正式吧，不过只要 20 个';
      const first = joined(await h.say(fewer, northwind));
      expect(first).to.include(
        m.subscription.confirm({
          change: 'trialToPaid',
          offer: 'Office 365 E5 (trial)',
          currentQuantity: 25,
          quantity: 20,
          monthlyDeltaCny: 6000,
        }),
      );
      await h.say(s.yes, northwind);
      expect(h.tickets.tickets[0]!.details).to.deep.include({ change: 'trialToPaid', quantity: 20 });
    });

    it('a question about what the trial does by itself is not a request to convert it', async () => {
      const question = locale === 'en' ? 'is our e5 trial gonna turn into a paid sub automatically?' : '试用到期会不会自动转成付费？';
      const reply = joined(await h.say(question, northwind));
      expect(reply).not.to.include(
        m.subscription.confirm({ change: 'trialToPaid', offer: 'Office 365 E5 (trial)', currentQuantity: 25, monthlyDeltaCny: 7500 }),
      );
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('a customer without a trial is told so', async () => {
      expect(joined(await h.say(s.trial, fabrikam))).to.include(m.subscription.noTrial);
    });

    it('asks which subscription, re-asks on a bad number, and says when nothing needs changing', async () => {
      await h.say(s.renewOff, northwind);
      expect(joined(await h.say('9', northwind))).to.equal(`${m.subscription.whichHint(3)}\n${m.subscription.askWhich}`);
      // Number 2 is Business Standard, whose auto-renew is already off.
      expect(joined(await h.say('2', northwind))).to.equal(
        m.subscription.nothingToChange('Microsoft 365 Business Standard', 'autoRenewOff'),
      );
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('reducing: no more than the subscription has, and declining opens nothing', async () => {
      await h.say(s.reduce, northwind);
      expect(joined(await h.say('1', northwind))).to.equal(m.subscription.askReduceQuantity('Microsoft 365 Business Basic', 12));
      // More than it has is not a request to send: the hint, and the question again.
      const tooMany = `${m.subscription.quantityHint(11)}\n${m.subscription.askReduceQuantity('Microsoft 365 Business Basic', 12)}`;
      expect(joined(await h.say('20', northwind))).to.equal(tooMany);
      expect(joined(await h.say('2', northwind))).to.include('-¥70.00');
      // A correction at the confirmation is held to the same limit.
      expect(joined(await h.say(locale === 'en' ? 'no, make it 20' : '不对，是 20 个', northwind))).to.equal(tooMany);
      const confirm = joined(await h.say('3', northwind));
      expect(confirm).to.include('-¥105.00').and.include('12 → 9');
      expect(joined(await h.say(s.no, northwind))).to.equal(m.declined);
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('changing the plan: an answer that reads like a subscription request is the target plan', async () => {
      await h.say(s.upgrade, northwind);
      expect(joined(await h.say('1', northwind))).to.equal(m.subscription.askPlan('Microsoft 365 Business Basic'));
      // The recognizer takes this for a new subscription request; here it names the plan.
      expect(joined(await h.say(s.plan, northwind)))
        .to.include(s.plan)
        .and.not.include(m.subscription.askChange);
      await h.say(s.yes, northwind);
      expect(h.tickets.tickets[0]!.details).to.deep.include({ change: 'changePlan', targetPlan: s.plan, subscriptionId: 'sub-nw-bb' });
    });

    it('gives up after three unusable answers at the change question', async () => {
      const first = await h.say(s.list, fabrikam);
      expect(joined(first)).to.include(m.subscription.askChange);
      expect(joined(await h.say(s.junk[0], fabrikam))).to.equal(`${m.subscription.changeHint}\n${m.subscription.askChange}`);
      expect(joined(await h.say(s.junk[1], fabrikam))).to.equal(`${m.subscription.changeHint}\n${m.subscription.askChange}`);
      expect(joined(await h.say(s.junk[2], fabrikam))).to.equal(m.giveUp);
    });

    it('a failed ticket write is told to the user with the reseller contact, never confirmed', async () => {
      await h.say(s.add5, fabrikam);
      h.tickets.failNext = true;
      const answer = joined(await h.say(s.yes, fabrikam));
      expect(answer).to.equal(m.ticketFailed(h.directory.reseller()));
      expect(answer).to.not.match(/T-\d+/);
    });

    it('cancel at the confirmation leaves without a ticket', async () => {
      await h.say(s.add5, fabrikam);
      expect(joined(await h.say(s.cancel, fabrikam))).to.equal(messages(locale).cancelled);
      expect(h.tickets.tickets).to.have.length(0);
    });
  });
}
