import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { join } from 'node:path';
import { messages } from '../../bot/i18n/messages.js';
import { ArticleSearch } from '../../bot/knowledge/articleSearch.js';
import { answersDirectly } from '../../bot/knowledge/directAnswer.js';
import { LiveKnowledge } from '../../bot/knowledge/liveKnowledge.js';
import { loadKnowledge } from '../../bot/knowledge/loadKnowledge.js';
import { FaqDialog } from '../../dialogs/faqDialog.js';
import { AskNameDialog, HandoffStubDialog } from '../support/askNameDialog.js';
import { botHarness } from '../support/botHarness.js';
import { MemoryFeedback } from '../support/fakeAnswers.js';

const ROOT = join(import.meta.dirname, '../..');
const titleOf = (replies: Partial<Activity>[]) =>
  (replies.find((r) => r.attachments?.length)?.attachments?.[0]?.content as { body: Array<{ text: string }> } | undefined)?.body[0]?.text;

const DIR = join(ROOT, 'knowledge/articles');
let loaded: Promise<LiveKnowledge> | undefined;

/** The main dialog as the app builds it, on the real articles: billing has its own dialog (a stand-in here). */
async function setup() {
  loaded ??= loadKnowledge(DIR, { cwd: ROOT }).then(({ articles }) => new LiveKnowledge(DIR, new ArticleSearch(articles)));
  const answers = await loaded;
  const feedback = new MemoryFeedback();
  const h = botHarness({
    children: { howto_faq: new FaqDialog(answers, feedback), billing: new AskNameDialog(), escalate_human: new HandoffStubDialog() },
    faq: {
      dialogId: FaqDialog.id,
      canAnswer: (q, l) => answers.best(q, l) !== null,
      answersDirectly: (q, l) => answersDirectly(q, l, answers.bestScore(q, l)),
    },
  });
  return { h, answers, feedback };
}

describe('FAQ answers for questions of other intents (real articles)', () => {
  for (const [locale, howTo, own] of [
    ['en', 'how do I get a fapiao invoice', 'my invoice for last month'],
    ['zh-CN', '发票怎么开', '我要看上个月的发票'],
  ] as const) {
    it(`${locale}: a how-to that the recognizer calls billing gets the fapiao article card, not the billing dialog`, async () => {
      const { h, answers } = await setup();
      expect(titleOf(await h.say(howTo))).to.equal(answers.get('billing/fapiao', locale)!.title);
    });

    it(`${locale}: a question about the customer's own invoice still goes to the billing dialog`, async () => {
      const { h } = await setup();
      expect((await h.say(own))[0]!.text).to.equal('name?');
    });

    it(`${locale}: "Talk to support" on that card ends up in the main dialog with intent escalate_human`, async () => {
      const { h } = await setup();
      const replies = await h.say(howTo);
      const card = replies.find((r) => r.attachments?.length)!.attachments![0]!.content as {
        actions: Array<{ title: string; data: object }>;
      };
      const support = card.actions.find((a) => a.title === messages(locale).faq.talkToSupport)!;
      expect((await h.say('', { value: support.data }))[0]!.text).to.equal('handoff for escalate_human');
    });
  }
});

describe('answersDirectly', () => {
  it("takes general how-to questions and leaves questions about the customer's own records", () => {
    expect(answersDirectly('how do I get a fapiao', 'en', 0.8)).to.equal(true);
    expect(answersDirectly('怎么开发票', 'zh-CN', 0.8)).to.equal(true);
    expect(answersDirectly('how do I get a fapiao for my last payment', 'en', 0.8)).to.equal(false);
    expect(answersDirectly('我们的账单怎么比上个月多', 'zh-CN', 0.8)).to.equal(false);
    expect(answersDirectly('invoice T-1002', 'en', 0.8)).to.equal(false);
    expect(answersDirectly('上个月的发票', 'zh-CN', 0.8)).to.equal(false);
  });

  it('takes where-to-sign-in questions and first sign-in situations, even written as statements', () => {
    expect(answersDirectly('just got a new login, where do i sign in', 'en', 0.8)).to.equal(true);
    expect(answersDirectly('first sign in to my account with the password the admin gave me', 'en', 0.8)).to.equal(true);
    expect(answersDirectly('first time login with a temp password', 'en', 0.8)).to.equal(true);
    expect(answersDirectly('拿到临时密码以后在这登录不了', 'zh-CN', 0.8)).to.equal(true);
    expect(answersDirectly('新账号要去哪登录', 'zh-CN', 0.8)).to.equal(true);
    expect(answersDirectly('add three users for us', 'en', 0.8)).to.equal(false);
  });

  it('leaves a question about whether the customer owes anything to the billing dialog', () => {
    expect(answersDirectly('have we missed any payments?', 'en', 0.8)).to.equal(false);
    expect(answersDirectly('is there anything we still owe, anything overdue?', 'en', 0.8)).to.equal(false);
    expect(answersDirectly('我们最新的账单是多少钱', 'zh-CN', 0.8)).to.equal(false);
    expect(answersDirectly('有没有逾期没付的账单', 'zh-CN', 0.8)).to.equal(false);
    // A general question about late payment still gets the article.
    expect(answersDirectly('what happens if a payment is overdue?', 'en', 0.8)).to.equal(true);
    expect(answersDirectly('试用这期间能绑定域名吗', 'zh-CN', 0.8)).to.equal(true);
  });

  it('takes "where do I see what we have spent" though it names this month: the bot holds invoices, not running usage', () => {
    expect(answersDirectly("where do i check how much we've burned on azure so far this month", 'en', 0.8)).to.equal(true);
    expect(answersDirectly('想看下azure这个月已经花了多少，在哪看', 'zh-CN', 0.8)).to.equal(true);
    expect(answersDirectly('这个月azure的用量去哪查', 'zh-CN', 0.8)).to.equal(true);
    // What this month's invoice says is the customer's own record.
    expect(answersDirectly('how much is our bill this month', 'en', 0.8)).to.equal(false);
    expect(answersDirectly('我们这个月的账单多少钱', 'zh-CN', 0.8)).to.equal(false);
  });

  it('needs a confident article', () => {
    expect(answersDirectly('how do I get a fapiao', 'en', 0.3)).to.equal(false);
  });

  it('searches only for questions phrased as a general how-to', () => {
    let searches = 0;
    const confidence = () => (searches++, 0.8);
    expect(answersDirectly('我要加5个license', 'zh-CN', confidence)).to.equal(false);
    expect(answersDirectly('上个月的发票怎么开', 'zh-CN', confidence)).to.equal(false);
    expect(searches).to.equal(0);
    expect(answersDirectly('怎么开发票', 'zh-CN', confidence)).to.equal(true);
    expect(searches).to.equal(1);
  });
});
