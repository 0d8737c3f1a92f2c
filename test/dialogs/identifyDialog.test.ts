import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { join } from 'node:path';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { PrefixedStore } from '../../bot/store/prefixedStore.js';
import { BillingDialog } from '../../dialogs/billingDialog.js';
import { createCustomerLookup } from '../../dialogs/customerIdentity.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';
import { teamsUser } from '../support/teamsUser.js';

const teams = teamsUser;

const SAY = {
  en: {
    bill: 'show my bill',
    domainBad: 'not sure',
    emailBad: 'my email',
    wrongMail: 'someone@fabrikam.cn',
    junk: ['no idea', 'dunno', 'none'],
    what: 'what?',
  },
  'zh-CN': {
    bill: '我的账单',
    domainBad: '不知道',
    emailBad: '我的邮箱',
    wrongMail: 'someone@fabrikam.cn',
    junk: ['不清楚', '随便', '没有'],
    what: '啥？',
  },
} as const;

for (const locale of ['en', 'zh-CN'] as const) {
  const m = messages(locale).customer;
  const s = SAY[locale];
  describe(`IdentifyDialog and who is asking (${locale})`, () => {
    let h: CustomerHarness;
    beforeEach(async () => (h = await customerHarness((d) => ({ billing: new BillingDialog(d) }))));
    afterEach(() => h.remove());

    it('identifies a Web Chat contact by domain and e-mail, re-asks with hints, and keeps the identity on disk', async () => {
      expect(joined(await h.say(s.bill))).to.equal(m.identify.askDomain);
      expect(joined(await h.say(s.domainBad))).to.equal(`${m.identify.domainHint}\n${m.identify.askDomain}`);
      expect(joined(await h.say('fabrikam.cn'))).to.equal(m.identify.askEmail);
      expect(joined(await h.say(s.emailBad))).to.equal(`${m.identify.emailHint}\n${m.identify.askEmail}`);
      const done = joined(await h.say(DEMO.fabrikam.admin.toUpperCase()));
      expect(done).to.include(m.identify.identified('王磊', '法布里卡姆贸易（上海）有限公司 Fabrikam Trading'));
      expect(done).to.include('INV-202611-0101');

      const fresh = new FileStore(join(h.dataDir, 'store'));
      const found = await new PrefixedStore(fresh, 'state/').read(['test/users/user1/', 'test/conversations/Convo1/']);
      expect((found['test/conversations/Convo1/'] as { customerRef?: unknown }).customerRef).to.deep.equal({
        customerId: 'c-fabrikam',
        contactEmail: DEMO.fabrikam.admin,
      });
      expect((found['test/users/user1/'] as { customerRef?: unknown } | undefined)?.customerRef).to.equal(undefined);
      // Once per chat: the next billing question is answered at once.
      expect(joined(await h.say(s.bill))).to.include('INV-202611-0101');
    });

    it('an identification belongs to its conversation: another chat sending the same user id sees nothing', async () => {
      await h.say(s.bill);
      await h.say('fabrikam.cn');
      expect(joined(await h.say(DEMO.fabrikam.admin))).to.include('INV-202611-0101');
      const other = { conversation: { id: 'attacker-chat' }, from: { id: 'user1', name: 'user1' } } as Partial<Activity>;
      const reply = joined(await h.say(s.bill, other));
      expect(reply).to.equal(m.identify.askDomain);
      expect(reply).to.not.include('INV-202611-0101');
    });

    it('a mismatch never says whether the domain exists, and three of them end without data', async () => {
      await h.say(s.bill);
      await h.say(DEMO.fabrikam.domain);
      const knownDomain = joined(await h.say(s.wrongMail));
      await h.say('unknown-company.cn');
      const unknownDomain = joined(await h.say(s.wrongMail));
      expect(knownDomain).to.equal(`${m.identify.noMatch}\n${m.identify.askDomain}`);
      expect(unknownDomain).to.equal(knownDomain);
      await h.say(DEMO.northwind.domain);
      const last = joined(await h.say(DEMO.fabrikam.admin));
      expect(last).to.equal(m.identify.tooManyTries(h.directory.reseller()));
      expect(last).to.not.match(/INV-|¥/);
      expect(joined(await h.say(s.bill))).to.equal(m.identify.askDomain);
    });

    it('gives up after three unusable answers with the handoff offer', async () => {
      await h.say(s.bill);
      expect(joined(await h.say(s.junk[0]))).to.equal(`${m.identify.domainHint}\n${m.identify.askDomain}`);
      expect(joined(await h.say(s.junk[1]))).to.equal(`${m.identify.domainHint}\n${m.identify.askDomain}`);
      expect(joined(await h.say(s.junk[2]))).to.equal(m.giveUp);
      expect(m.giveUp).to.match(/转人工 \/ agent/);
    });

    it('a bare "what?" at a question gets the explanation and the same question, and does not count as unusable', async () => {
      await h.say(s.bill);
      expect(joined(await h.say(s.what))).to.equal(`${m.identify.whyIdentify}\n${m.identify.askDomain}`);
      await h.say(s.junk[0]);
      await h.say(s.junk[1]);
      expect(joined(await h.say('fabrikam.cn'))).to.equal(m.identify.askEmail);
    });

    it('uses a domain and e-mail in the first message', async () => {
      const r = joined(await h.say(`${s.bill} ${DEMO.northwind.domain} ${DEMO.northwind.admin}`));
      expect(r).to.include('Emily Chen').and.include('INV-202611-0202');
    });

    it('Teams: the tenant and object id identify the contact without questions', async () => {
      const r = joined(await h.say(s.bill, teams(DEMO.tailspin.tenantId, DEMO.tailspin.adminAad)));
      expect(r).to.include('INV-202611-0303');
      expect(r).to.not.include(m.identify.askDomain);
    });

    it('Teams: an unknown tenant gets the bilingual sign-up message and no data', async () => {
      const r = joined(await h.say(s.bill, teams('0a0b0c0d-0000-4000-8000-00000000abcd', DEMO.fabrikam.adminAad)));
      const reseller = h.directory.reseller();
      expect(r).to.equal(
        `${messages('zh-CN').customer.identify.unknownTenant(reseller)}\n\n${messages('en').customer.identify.unknownTenant(reseller)}`,
      );
      expect(r).to.include('https://support.cloudbridge-demo.cn/signup');
      expect(r).to.not.match(/INV-/);
    });

    it('Teams: a user of a customer tenant who is not a registered contact sees no data', async () => {
      const r = joined(await h.say(s.bill, teams(DEMO.fabrikam.tenantId, '99999999-9999-4999-8999-999999999999')));
      expect(r).to.equal(m.identify.notAContact('法布里卡姆贸易（上海）有限公司 Fabrikam Trading', h.directory.reseller()));
    });

    it('outside Teams, a tenant id in channelData is not trusted', async () => {
      const spoofed = { ...teams(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad), channelId: 'directline' };
      expect(joined(await h.say(s.bill, spoofed))).to.equal(m.identify.askDomain);
    });

    it('cancel while identifying leaves the dialog', async () => {
      await h.say(s.bill);
      expect(joined(await h.say(locale === 'en' ? 'cancel' : '取消'))).to.equal(messages(locale).cancelled);
      expect(joined(await h.say(DEMO.fabrikam.domain))).to.not.equal(m.identify.askEmail);
    });
  });
}

describe('createCustomerLookup', () => {
  it('returns the identified customer and contact, and undefined for others', async () => {
    const h = await customerHarness(() => ({}));
    try {
      const seen: unknown[] = [];
      const lookup = createCustomerLookup({
        directory: h.directory,
        customerRef: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
      });
      const adapter = new TestAdapter(async (context) => {
        seen.push(await lookup(context));
      });
      await adapter.receiveActivity({ type: 'message', text: 'hi', ...teams(DEMO.northwind.tenantId, DEMO.northwind.adminAad) });
      await adapter.receiveActivity({
        type: 'message',
        text: 'hi',
        ...teams('0a0b0c0d-0000-4000-8000-00000000abcd', DEMO.northwind.adminAad),
      });
      await adapter.receiveActivity({ type: 'message', text: 'hi' });
      expect(seen.map((x) => (x as { contact?: { email: string } } | undefined)?.contact?.email)).to.deep.equal([
        DEMO.northwind.admin,
        undefined,
        undefined,
      ]);
    } finally {
      await h.remove();
    }
  });
});
