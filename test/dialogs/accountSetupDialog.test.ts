import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { AccountSetupDialog } from '../../dialogs/accountSetupDialog.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';
import { teamsUser } from '../support/teamsUser.js';

const SAY = {
  en: {
    signUp: 'I want to sign up as a new customer',
    badMail: 'xiaoming at contoso',
    company: 'Contoso Shanghai Ltd',
    tooShort: 'C',
    services: 'Office 365 E3 for 20 users, Azure',
    licences: 'Business Premium subscription, 30 licenses',
    password: 'I forgot my password',
    addUsers: 'how do I add users',
    help: 'account help',
    yes: 'yes',
    cancel: 'cancel',
    junk: ['hmm', 'something', 'whatever'],
  },
  'zh-CN': {
    signUp: '我们想注册开户',
    badMail: '小明的邮箱',
    company: '上海康托索科技有限公司',
    tooShort: '康',
    services: 'Office 365 E3，20 个用户；Azure',
    licences: '商业高级版订阅，30 个许可证',
    password: '我忘记密码了',
    addUsers: '怎么添加用户',
    help: '账号问题',
    yes: '可以',
    cancel: '取消',
    junk: ['嗯', '随便', '不知道'],
  },
} as const;

type DiskTicket = {
  id: string;
  kind: string;
  category: string;
  customer?: string;
  details: Record<string, unknown>;
  summary: Record<string, string>;
};
const ticketsOnDisk = async (h: CustomerHarness) =>
  (JSON.parse(await readFile(join(h.dataDir, 'tickets.json'), 'utf8')) as { tickets: DiskTicket[] }).tickets;

for (const locale of ['en', 'zh-CN'] as const) {
  const m = messages(locale).customer;
  const s = SAY[locale];

  describe(`AccountSetupDialog (${locale})`, () => {
    let h: CustomerHarness;
    beforeEach(async () => (h = await customerHarness((d) => ({ account_setup: new AccountSetupDialog(d) }))));
    afterEach(() => h.remove());

    it('signs a new customer up, re-asking with a specific hint at every question, and files a reseller ticket', async () => {
      expect(joined(await h.say(s.signUp))).to.equal(`${m.setup.signUpIntro}\n${m.setup.askCompany}`);
      // An unusable answer gets the specific hint, then the same question again.
      expect(joined(await h.say(s.tooShort))).to.equal(`${m.setup.companyHint}\n${m.setup.askCompany}`);
      expect(joined(await h.say(s.company))).to.equal(m.setup.askPrefix);
      expect(joined(await h.say('fabrikamsh'))).to.equal(`${m.setup.prefixTaken('fabrikamsh')}\n${m.setup.askPrefix}`);
      expect(joined(await h.say('contoso_sh!'))).to.equal(`${m.setup.prefixHint}\n${m.setup.askPrefix}`);
      // A good answer after a bad one is still accepted.
      expect(joined(await h.say('Contoso-SH.partner.onmschina.cn'))).to.equal(m.setup.askAdminName);
      expect(joined(await h.say('<b>'))).to.equal(`${m.setup.nameHint}\n${m.setup.askAdminName}`);
      expect(joined(await h.say('王小明'))).to.equal(m.setup.askAdminEmail);
      expect(joined(await h.say(s.badMail))).to.equal(`${m.identify.emailHint}\n${m.setup.askAdminEmail}`);
      expect(joined(await h.say('Xiaoming.Wang@Contoso.cn'))).to.equal(m.setup.askMobile);
      expect(joined(await h.say('12345'))).to.equal(`${m.setup.mobileHint}\n${m.setup.askMobile}`);
      expect(joined(await h.say('+86 139-1234-5678'))).to.equal(m.setup.askServices);
      const form = {
        company: s.company,
        domainPrefix: 'contoso-sh',
        adminName: '王小明',
        adminEmail: 'xiaoming.wang@contoso.cn',
        adminMobile: '13912345678',
        services: s.services,
      };
      expect(joined(await h.say(s.services))).to.equal(m.setup.confirmSignUp(form));
      expect(joined(await h.say(s.yes))).to.equal(m.setup.signUpCreated('T-1001', h.directory.reseller()));

      const [ticket] = await ticketsOnDisk(h);
      expect(ticket).to.deep.include({ id: 'T-1001', kind: 'reseller', category: 'account_setup' });
      expect(ticket!.customer).to.equal(undefined);
      expect(ticket!.details).to.deep.equal({ task: 'signUp', ...form });
      expect(ticket!.summary['zh-CN']).to.include('contoso-sh.partner.onmschina.cn');
      expect(ticket!.summary.en).to.include('contoso-sh.partner.onmschina.cn');
    });

    it('gives up on a sign-up question after three unusable answers, with the handoff offer', async () => {
      await h.say(s.signUp);
      await h.say(s.company);
      expect(joined(await h.say('bad prefix!'))).to.equal(`${m.setup.prefixHint}\n${m.setup.askPrefix}`);
      expect(joined(await h.say('a'.repeat(28)))).to.equal(`${m.setup.prefixHint}\n${m.setup.askPrefix}`);
      expect(joined(await h.say('bad#'))).to.equal(m.giveUp);
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('prefills the form from the first message (e-mail and mobile)', async () => {
      await h.say(`${s.signUp} admin@contoso.cn 13712345678`);
      await h.say(s.company);
      await h.say('contoso');
      // Name is asked; e-mail and mobile are not.
      expect(joined(await h.say('Lei Wang'))).to.equal(m.setup.askServices);
    });

    it('a services answer that reads like a subscription request is still the answer', async () => {
      await h.say(`${s.signUp} admin@contoso.cn 13712345678`);
      for (const answer of [s.company, 'contoso', 'Lei Wang']) await h.say(answer);
      // The recognizer takes this for a subscription request; at this question it is what the customer needs.
      const summary = joined(await h.say(s.licences));
      expect(summary).to.include(s.licences).and.not.include(m.identify.askDomain);
      await h.say(s.yes);
      expect(h.tickets.tickets[0]!.details).to.deep.include({ services: s.licences });
    });

    it('cancel in the middle of the sign-up keeps nothing', async () => {
      await h.say(s.signUp);
      await h.say(s.company);
      expect(joined(await h.say(s.cancel))).to.equal(messages(locale).cancelled);
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('password reset for an identified Teams contact: the article, then a ticket to do it on their behalf', async () => {
      const user = teamsUser(DEMO.tailspin.tenantId, DEMO.tailspin.adminAad);
      const first = joined(await h.say(s.password, user));
      expect(first).to.include(`account/reset-password (${locale})`).and.include(m.setup.offerOnBehalf(m.setup.taskNames.resetPassword));
      expect(joined(await h.say(s.yes, user))).to.equal(m.setup.onBehalfCreated('T-1001', m.setup.taskNames.resetPassword));
      const [ticket] = await ticketsOnDisk(h);
      expect(ticket).to.deep.include({ category: 'account_setup', customer: DEMO.tailspin.id });
      expect(ticket!.details).to.deep.equal({ task: 'resetPassword', contact: DEMO.tailspin.admin });
    });

    it('adding users from Web Chat: identification comes before the on-behalf ticket', async () => {
      await h.say(s.addUsers);
      expect(joined(await h.say(s.yes))).to.equal(m.identify.askDomain);
      await h.say(DEMO.northwind.domain);
      const done = joined(await h.say(DEMO.northwind.admin));
      expect(done).to.include(m.setup.onBehalfCreated('T-1001', m.setup.taskNames.addUsers));
      expect(h.tickets.tickets[0]!.customer).to.equal(DEMO.northwind.id);
    });

    it('an unknown tenant asking for on-behalf help gets no ticket and the sign-up path', async () => {
      const stranger = teamsUser('0a0b0c0d-0000-4000-8000-00000000abcd', '0a0b0c0d-0000-4000-8000-0000000000ef');
      await h.say(s.password, stranger);
      const answer = joined(await h.say(s.yes, stranger));
      expect(answer).to.include('https://support.cloudbridge-demo.cn/signup');
      expect(h.tickets.tickets).to.have.length(0);
    });

    it('asks which task with buttons when the message does not say, and gives up after three unusable answers', async () => {
      const first = await h.say(s.help);
      expect(joined(first)).to.equal(m.setup.whichTask);
      expect(JSON.stringify(first[0]?.attachments?.[0]?.content)).to.include(m.setup.taskNames.mfa);
      const again = await h.say(s.junk[0]);
      expect(joined(again)).to.equal(`${m.setup.taskHint}\n${m.setup.whichTask}`);
      // The question comes back with its buttons.
      expect(JSON.stringify(again[1]?.attachments?.[0]?.content)).to.include(m.setup.taskNames.mfa);
      expect(joined(await h.say(s.junk[1]))).to.equal(`${m.setup.taskHint}\n${m.setup.whichTask}`);
      expect(joined(await h.say(s.junk[2]))).to.equal(m.giveUp);
    });

    it('a button title in the other language still works', async () => {
      await h.say(s.help);
      const other = messages(locale === 'en' ? 'zh-CN' : 'en').customer.setup.taskNames.mfa;
      expect(joined(await h.say(other))).to.include('account/mfa');
    });
  });
}
