import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { messages } from '../../bot/i18n/messages.js';
import { AccountSetupDialog } from '../../dialogs/accountSetupDialog.js';
import { BillingDialog } from '../../dialogs/billingDialog.js';
import type { CustomerDialogDeps } from '../../dialogs/customerDialogDeps.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';

const SAY = {
  en: { signUp: 'I want to sign up as a new customer', company: 'Contoso Shanghai Ltd', bill: 'where is my October invoice?', owe: 'what do I owe this month?', sameTopic: 'sign up for Azure too' },
  'zh-CN': { signUp: '我们想注册开户', company: '上海康托索科技有限公司', bill: '我十月的发票在哪里？', owe: '这个月应付多少钱？', sameTopic: '还要注册 Azure' },
} as const;

const children = (d: CustomerDialogDeps) => ({ account_setup: new AccountSetupDialog(d), billing: new BillingDialog(d) });
const texts = (replies: Awaited<ReturnType<CustomerHarness['say']>>) => replies.map((r) => r.text ?? '');
const noTickets = async (h: CustomerHarness) => {
  const file = await readFile(join(h.dataDir, 'tickets.json'), 'utf8').catch(() => '{"tickets":[]}');
  expect((JSON.parse(file) as { tickets: unknown[] }).tickets).to.deep.equal([]);
};

for (const locale of ['en', 'zh-CN'] as const) {
  const m = messages(locale);
  const s = SAY[locale];

  describe(`a new question where an answer was expected (${locale})`, () => {
    let h: CustomerHarness;
    let fresh: CustomerHarness;
    beforeEach(async () => {
      h = await customerHarness(children);
      fresh = await customerHarness(children);
    });
    afterEach(async () => {
      await h.remove();
      await fresh.remove();
    });

    it('at a text question: says so, drops the sign-up, and answers the new question as a fresh conversation would', async () => {
      await h.say(s.signUp);
      expect(joined(await h.say(s.company))).to.equal(m.customer.setup.askPrefix);
      const replies = texts(await h.say(s.bill));
      expect(replies[0]).to.equal(m.topicSwitched);
      expect(replies.length).to.be.greaterThan(1);
      expect(replies.slice(1)).to.deep.equal(texts(await fresh.say(s.bill)));
      expect(replies).to.not.include(m.customer.setup.prefixHint);
      await noTickets(h);
    });

    it('at a yes/no question: the same, instead of "please answer yes or no"', async () => {
      await h.say(s.signUp);
      await h.say(s.company);
      await h.say('contoso-sh');
      await h.say('王小明');
      await h.say('xiaoming.wang@contoso.cn');
      await h.say('13912345678');
      expect(joined(await h.say('Office 365 E3'))).to.include(m.customer.setup.confirmSignUp({ company: s.company, domainPrefix: 'contoso-sh', adminName: '王小明', adminEmail: 'xiaoming.wang@contoso.cn', adminMobile: '13912345678', services: 'Office 365 E3' }));
      const replies = texts(await h.say(s.owe));
      expect(replies[0]).to.equal(m.topicSwitched);
      expect(replies.length).to.be.greaterThan(1);
      expect(replies.slice(1)).to.deep.equal(texts(await fresh.say(s.owe)));
      expect(replies.join('\n')).to.not.include(m.yesNoHint);
      await noTickets(h);
    });

    it('something about the same topic is still an unusable answer: the hint, and the sign-up goes on', async () => {
      await h.say(s.signUp);
      await h.say(s.company);
      expect(joined(await h.say(s.sameTopic))).to.equal(m.customer.setup.prefixHint);
      expect(joined(await h.say('contoso-sh'))).to.equal(m.customer.setup.askAdminName);
    });
  });
}
