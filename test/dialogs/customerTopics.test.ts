import { expect } from 'chai';
import { messages } from '../../bot/i18n/messages.js';
import { readTitle } from '../../bot/nlu/answerInterpreter.js';
import { BILLING_TOPICS, SETUP_TASKS, SUBSCRIPTION_CHANGES } from '../../dialogs/customerTopics.js';

const first = <T>(cues: ReadonlyArray<readonly [T, RegExp]>, text: string) =>
  cues.find(([, re]) => re.test(text.normalize('NFKC').toLowerCase()))?.[0];

describe('customer topic cues', () => {
  it('starts the sign-up for a company that is new to us, before the new account of a new colleague', () => {
    expect(first(SETUP_TASKS, '我们公司上个月刚成立，想开个账号')).to.equal('signUp');
    expect(first(SETUP_TASKS, 'we are a brand new business and would like an account')).to.equal('signUp');
    expect(first(SETUP_TASKS, 'we just founded our company, can we sign up')).to.equal('signUp');
    expect(first(SETUP_TASKS, 'please sign our company up')).to.equal('signUp');
  });

  it('reads a mailbox for a new colleague as adding a user', () => {
    expect(first(SETUP_TASKS, '下周有个同事入职，帮忙开个邮箱账号')).to.equal('addUsers');
    expect(first(SETUP_TASKS, '给新人建个邮箱')).to.equal('addUsers');
    expect(first(SETUP_TASKS, 'new starter on monday needs an email account')).to.equal('addUsers');
  });

  it('reads a missed payment as what is owed', () => {
    expect(first(BILLING_TOPICS, 'have we missed a payment somewhere?')).to.equal('due');
    expect(first(BILLING_TOPICS, '是不是有一期漏交了')).to.equal('due');
  });

  it('takes a whole button title in either language, and no close wording of a first message', () => {
    const options = (['signUp', 'addUsers'] as const).map((id) => ({
      id,
      titles: (['zh-CN', 'en'] as const).map((l) => messages(l).customer.setup.taskNames[id]),
    }));
    expect(readTitle(messages('en').customer.setup.taskNames.signUp, options)).to.equal('signUp');
    expect(readTitle(`${messages('zh-CN').customer.setup.taskNames.addUsers}。`, options)).to.equal('addUsers');
    expect(readTitle('got my new account, where do I go', options)).to.equal(undefined);
  });

  it('reads a request for a tax invoice however it is worded as a fapiao', () => {
    expect(first(BILLING_TOPICS, '麻烦开张票给我们')).to.equal('fapiao');
    expect(first(BILLING_TOPICS, '要普票就行')).to.equal('fapiao');
    expect(first(BILLING_TOPICS, '能开专票吗')).to.equal('fapiao');
  });

  it('reads buying a number of seats as adding, and switching renewal on or off as renewal, not a plan change', () => {
    expect(first(SUBSCRIPTION_CHANGES, '我们还要再买两个')).to.equal('add');
    expect(first(SUBSCRIPTION_CHANGES, '再要5个账号')).to.equal('add');
    expect(first(SUBSCRIPTION_CHANGES, 'please switch on auto-renew for E1')).to.equal('autoRenewOn');
    expect(first(SUBSCRIPTION_CHANGES, 'switch us to business premium')).to.equal('changePlan');
    expect(first(SUBSCRIPTION_CHANGES, 'ok, switch it on then')).to.not.equal('changePlan');
  });
});
