import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { messages } from '../../bot/i18n/messages.js';
import { SKIPPED } from '../../dialogs/formDialog.js';
import { CONTACT, ContactForm } from '../support/contactForm.js';
import { customerHarness, joined, type CustomerHarness } from '../support/customerHarness.js';

const en = messages('en');
const zh = messages('zh-CN');
const buttons = (reply: Partial<Activity> | undefined) =>
  ((reply?.attachments?.[0]?.content as { actions?: Array<{ title: string }> } | undefined)?.actions ?? []).map((a) => a.title);

describe('FormDialog (slot filling, with the main dialog around it)', () => {
  let h: CustomerHarness;
  let form: ContactForm;
  beforeEach(async () => (h = await customerHarness((d) => ({ account_setup: (form = new ContactForm(d.recognizer)) }))));
  afterEach(() => h.remove());

  /** Starts the form and answers the name and e-mail questions. */
  const upToMobile = async () => {
    expect(joined(await h.say('sign up please'))).to.equal(CONTACT.askName);
    expect(joined(await h.say('Lei Wang'))).to.equal(CONTACT.askEmail);
    return h.say('lei@contoso.cn');
  };

  it('fills what the first message already says and asks only for the rest', async () => {
    expect(joined(await h.say('sign up please: lei.wang@contoso.cn, 138 1234 5678'))).to.equal(CONTACT.askName);
    const values = { name: 'Lei Wang', email: 'lei.wang@contoso.cn', mobile: '13812345678' };
    expect(joined(await h.say('Lei Wang'))).to.equal(CONTACT.summary(values));
    expect(joined(await h.say('yes please'))).to.equal('saved');
    expect(form.completed).to.deep.equal([{ values, note: undefined }]);
  });

  it('an answer naming an earlier field corrects it, at a later question and at the summary', async () => {
    await upToMobile();
    const corrected = await h.say('no, the e-mail is lei.wang@contoso.cn');
    expect(joined(corrected)).to.equal(`${en.repair.corrected('email', 'lei.wang@contoso.cn')}\n${CONTACT.askMobile}`);
    const values = { name: 'Lei Wang', email: 'lei.wang@contoso.cn', mobile: '13812345678' };
    expect(joined(await h.say('13812345678'))).to.equal(CONTACT.summary(values));
    const again = joined(await h.say('no, the name is Grace Liu'));
    expect(again).to.equal(`${en.repair.corrected('name', 'Grace Liu')}\n${CONTACT.summary({ ...values, name: 'Grace Liu' })}`);
    await h.say('yes');
    expect(form.completed.map((c) => c.values)).to.deep.equal([{ ...values, name: 'Grace Liu' }]);
  });

  it('an optional field has a Skip button and can be skipped; a required one cannot', async () => {
    await h.say('sign up please');
    await h.say('Lei Wang');
    expect(joined(await h.say('skip'))).to.equal(`${CONTACT.emailHint}\n${CONTACT.askEmail}`);
    const mobile = await h.say('lei@contoso.cn');
    expect(joined(mobile)).to.equal(CONTACT.askMobile);
    expect(buttons(mobile[0])).to.deep.equal([en.escalation.report.skip]);
    expect(joined(await h.say('skip'))).to.equal(CONTACT.summary({ name: 'Lei Wang', email: 'lei@contoso.cn', mobile: SKIPPED }));
    await h.say('yes');
    expect(form.completed[0]!.values).to.deep.equal({ name: 'Lei Wang', email: 'lei@contoso.cn', mobile: SKIPPED });
  });

  it('cancel ends the form and keeps nothing; the next message is not an answer to it', async () => {
    await h.say('sign up please');
    await h.say('Lei Wang');
    expect(joined(await h.say('cancel'))).to.equal(en.repair.cancelledTask(en.repair.taskNames.signUp));
    expect(joined(await h.say('lei@contoso.cn'))).to.not.equal(CONTACT.askMobile);
    expect(form.completed).to.deep.equal([]);
  });

  it('help at a field explains it and asks the same question again, without counting as an unusable answer', async () => {
    await h.say('sign up please');
    await h.say('Lei Wang');
    expect(joined(await h.say('why do you need my e-mail?'))).to.equal(`${CONTACT.emailHelp}\n${CONTACT.askEmail}`);
    expect(joined(await h.say('my email'))).to.equal(`${CONTACT.emailHint}\n${CONTACT.askEmail}`);
    expect(joined(await h.say('later'))).to.equal(`${CONTACT.emailHint}\n${CONTACT.askEmail}`);
    // Two unusable answers and one question about the field: the next good answer still counts.
    expect(joined(await h.say('lei@contoso.cn'))).to.equal(CONTACT.askMobile);
  });

  it('a question at a field is not taken as the value: the form is set aside, then resumed at the same question', async () => {
    await h.say('sign up please');
    const side = await h.say('do you accept alipay?');
    expect(joined(side)).to.not.include(CONTACT.askEmail);
    expect(side.at(-1)?.text).to.equal(en.repair.resumeOffer(en.repair.taskNames.signUp));
    expect(joined(await h.say('continue'))).to.equal(CONTACT.askName);
    expect(joined(await h.say('Lei Wang'))).to.equal(CONTACT.askEmail);
  });

  it('three unusable answers give up with the way out, and nothing is kept', async () => {
    await h.say('sign up please');
    await h.say('Lei Wang');
    await h.say('x');
    await h.say('y');
    expect(joined(await h.say('z'))).to.equal(en.customer.giveUp);
    expect(form.completed).to.deep.equal([]);
  });

  it('declining at the summary keeps nothing', async () => {
    await upToMobile();
    await h.say('13812345678');
    expect(joined(await h.say('no thanks'))).to.equal(CONTACT.declined);
    expect(form.completed).to.deep.equal([]);
  });

  it('zh-CN: a correction of an earlier field at the summary, then a natural yes with a note', async () => {
    await h.say('我要注册开户');
    await h.say('王小明');
    await h.say('wang@contoso.cn');
    const values = { name: '王小明', email: 'wang@contoso.cn', mobile: '13812345678' };
    expect(joined(await h.say('13812345678'))).to.equal(CONTACT.summary(values));
    const fixed = joined(await h.say('不对，邮箱写错了，是 xiaoming.wang@contoso.cn'));
    const email = 'xiaoming.wang@contoso.cn';
    expect(fixed).to.equal(`${zh.repair.corrected('email', email)}\n${CONTACT.summary({ ...values, email })}`);
    expect(joined(await h.say('好的，顺便帮我们开个发票'))).to.equal('saved');
    expect(form.completed).to.deep.equal([{ values: { ...values, email }, note: '顺便帮我们开个发票' }]);
  });
});
