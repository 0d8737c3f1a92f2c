import { expect } from 'chai';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { AccountSetupDialog } from '../../dialogs/accountSetupDialog.js';
import { BillingDialog } from '../../dialogs/billingDialog.js';
import type { CustomerDialogDeps } from '../../dialogs/customerDialogDeps.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';
import { teamsUser } from '../support/teamsUser.js';

const SAY = {
  en: {
    signUp: 'I want to sign up as a new customer',
    company: 'Contoso Shanghai Ltd',
    owe: 'what do I owe?',
    bill: 'show my bill',
    yes: 'yes',
    no: 'no',
    cont: 'continue',
    cancel: 'cancel',
  },
  'zh-CN': {
    signUp: '我们想注册开户',
    company: '上海康托索科技有限公司',
    owe: '我们还欠多少钱，应付多少？',
    bill: '我的账单',
    yes: '好的',
    no: '不用了',
    cont: '继续',
    cancel: '取消',
  },
} as const;

const children = (d: CustomerDialogDeps) => ({ account_setup: new AccountSetupDialog(d), billing: new BillingDialog(d) });

for (const locale of ['en', 'zh-CN'] as const) {
  const all = messages(locale);
  const m = all.customer;
  const r = all.repair;
  const s = SAY[locale];
  const tailspin = teamsUser(DEMO.tailspin.tenantId, DEMO.tailspin.adminAad);

  describe(`conversation repair: a side question during a form (${locale})`, () => {
    let h: CustomerHarness;
    beforeEach(async () => (h = await customerHarness(children)));
    afterEach(() => h.remove());

    it('answers the side question in full, offers to go back, and resumes at the same question with the answers kept', async () => {
      await h.say(s.signUp, tailspin);
      expect(joined(await h.say(s.company, tailspin))).to.equal(m.setup.askPrefix);
      const side = await h.say(s.owe, tailspin);
      // The question is answered as it would be on its own (the amounts due), not taken as a domain prefix.
      expect(joined(side)).to.include('INV-202610-0303').and.not.include(m.setup.prefixHint);
      expect(side.at(-1)?.text).to.equal(r.resumeOffer(r.taskNames.signUp));
      expect(JSON.stringify(side.at(-1)?.attachments?.[0]?.content)).to.include(r.resumeYes);

      expect(joined(await h.say(s.cont, tailspin))).to.equal(m.setup.askPrefix);
      for (const answer of ['contoso-sh', '王小明', 'xiaoming.wang@contoso.cn', '13912345678', 'Office 365 E3'])
        await h.say(answer, tailspin);
      await h.say(s.yes, tailspin);
      expect(h.tickets.tickets).to.have.length(1);
      expect(h.tickets.tickets[0]!.details).to.deep.include({ task: 'signUp', company: s.company, domainPrefix: 'contoso-sh' });
    });

    it('answering the set-aside question instead of yes goes back to the form with that answer', async () => {
      await h.say(s.signUp, tailspin);
      await h.say(s.company, tailspin);
      await h.say(s.owe, tailspin);
      // 「contoso-sh」 after "shall we go back?": the prefix, so the form moves on to the next question.
      expect(joined(await h.say('contoso-sh', tailspin))).to.equal(m.setup.askAdminName);
    });

    it('a stop word anywhere in the reply to "shall we go back?" drops the form', async () => {
      await h.say(s.signUp, tailspin);
      await h.say(s.company, tailspin);
      await h.say(s.owe, tailspin);
      const stop = locale === 'en' ? "hold on, I'll ask my boss first, let's drop it" : '等下，我先问问老板，先不弄了';
      expect(joined(await h.say(stop, tailspin))).to.equal(r.dropped(r.taskNames.signUp));
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('declining the offer drops the form: nothing is filed and there is nothing to go back to', async () => {
      await h.say(s.signUp, tailspin);
      await h.say(s.company, tailspin);
      await h.say(s.owe, tailspin);
      expect(joined(await h.say(s.no, tailspin))).to.equal(r.dropped(r.taskNames.signUp));
      expect(joined(await h.say(s.cont, tailspin))).to.equal(r.nothingToResume);
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('a side request that starts a task of its own drops the form with a notice, and that task gets the next answer', async () => {
      await h.say(s.signUp);
      await h.say(s.company);
      const side = await h.say(s.bill);
      // Billing needs to know who is asking: its question comes, with the notice, and no offer to go back.
      expect(joined(side)).to.equal(`${m.identify.askDomain}\n${r.droppedForNew(r.taskNames.signUp)}`);
      expect(joined(await h.say('fabrikam.cn'))).to.equal(m.identify.askEmail);
      // The form is gone, as the notice said: stopping this task offers nothing back, and "continue" has nothing to resume.
      const stopped = await h.say(s.cancel);
      expect(stopped.map((a) => a.text)).to.not.include(r.resumeOffer(r.taskNames.signUp));
      expect(joined(await h.say(s.cont))).to.equal(r.nothingToResume);
      expect(h.tickets.tickets).to.have.length(0);
    });
  });
}
