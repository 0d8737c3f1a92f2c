import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { join } from 'node:path';
import { messages } from '../../bot/i18n/messages.js';
import { ArticleSearch } from '../../bot/knowledge/articleSearch.js';
import { answersDirectly, asksForCompensation } from '../../bot/knowledge/directAnswer.js';
import { LiveKnowledge } from '../../bot/knowledge/liveKnowledge.js';
import { loadKnowledge } from '../../bot/knowledge/loadKnowledge.js';
import { FaqDialog } from '../../dialogs/faqDialog.js';
import { FollowUps } from '../../dialogs/followUps.js';
import { AskNameDialog, HandoffStubDialog } from '../support/askNameDialog.js';
import { botHarness, textsOf } from '../support/botHarness.js';
import { MemoryFeedback } from '../support/fakeAnswers.js';
import { FakeRecognizer, type FakeRule } from '../support/fakeRecognizer.js';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, 'knowledge/articles');
let search: Promise<LiveKnowledge> | undefined;

const titleOf = (replies: Partial<Activity>[]) =>
  (replies.find((r) => r.attachments?.length)?.attachments?.[0]?.content as { body: Array<{ text: string }> } | undefined)?.body[0]?.text;

/** The main dialog on the real articles, with follow-ups, and the intents each test's messages get. */
async function setup(rules: readonly FakeRule[]) {
  search ??= loadKnowledge(DIR, { cwd: ROOT }).then(({ articles }) => new LiveKnowledge(DIR, new ArticleSearch(articles)));
  const answers = await search;
  const h = botHarness({
    recognizer: new FakeRecognizer(rules),
    children: (focus) => ({
      howto_faq: new FaqDialog(answers, new MemoryFeedback(), undefined, focus),
      billing: new AskNameDialog(),
      account_setup: new AskNameDialog(),
      service_health: new AskNameDialog(),
      escalate_human: new HandoffStubDialog(),
      report_problem: new HandoffStubDialog(),
      ticket_status: new HandoffStubDialog(),
    }),
    faq: {
      dialogId: FaqDialog.id,
      canAnswer: (q, l) => answers.best(q, l) !== null,
      answersDirectly: (q, l) => answersDirectly(q, l, answers.bestScore(q, l)),
    },
    followUps: new FollowUps({ articles: answers }),
  });
  return { h, answers };
}

describe('Questions the bot cannot place, after something was shown and on their own (real articles)', function () {
  this.timeout(20_000);

  it('a question about the article shown that nothing answers gets an honest offer of a person, and yes hands over', async () => {
    const { h, answers } = await setup([[/专票|普票/, 'billing', { score: 0.9, alternatives: [] }]]);
    expect(titleOf(await h.say('你们能开增值税专票不，还是只有普票'))).to.equal(answers.get('billing/fapiao', 'zh-CN')!.title);
    const offer = textsOf(await h.say('开完大概几天能拿到'));
    expect(offer[0]).to.include(messages('zh-CN').repair.unansweredFollowUp);
    expect(textsOf(await h.say('好的'))).to.deep.equal(['handoff for escalate_human']);
  });

  it('plainly off-topic chatter after an article is not treated as a question about it', async () => {
    const { h } = await setup([
      [/专票|普票/, 'billing', { score: 0.9, alternatives: [] }],
      [/天气/, 'out_of_scope', { score: 0.98, alternatives: [] }],
    ]);
    await h.say('你们能开增值税专票不，还是只有普票');
    const reply = textsOf(await h.say('明天天气怎么样')).join('\n');
    expect(reply).not.to.include(messages('zh-CN').repair.unansweredFollowUp);
    expect(reply).to.include(messages('zh-CN').outOfScope);
  });

  it('with nothing shown before, an unplaced question is not offered a person on the first try', async () => {
    const { h } = await setup([]);
    const reply = textsOf(await h.say('开完大概几天能拿到')).join('\n');
    expect(reply).not.to.include(messages('zh-CN').repair.unansweredFollowUp);
  });

  it('two close intents and an article that answers surely: the article, not a menu of intents', async () => {
    const { h, answers } = await setup([[/用量/, 'howto_faq', { score: 0.39, alternatives: [{ intent: 'billing', score: 0.36 }] }]]);
    expect(titleOf(await h.say('平时的用量在哪能看到'))).to.equal(answers.get('billing/azure-cost-views', 'zh-CN')!.title);
  });

  it('compensation for an outage is the SLA article, though the message names the outage', async () => {
    const { h, answers } = await setup([[/挂了|down/, 'service_health', { score: 0.95, alternatives: [] }]]);
    expect(titleOf(await h.say('邮箱挂了半天，能要求赔偿吗'))).to.equal(answers.get('performance/sla', 'zh-CN')!.title);
    // An outage with no compensation asked for is the status check.
    expect(textsOf(await h.say('邮箱是不是挂了'))).to.deep.equal(['name?']);
  });

  it('a set-up matter that is none of our set-up tasks gets the article that answers it; a task still gets its dialog', async () => {
    const { h, answers } = await setup([[/partner|tenant|password/, 'account_setup', { score: 0.6, alternatives: [] }]]);
    expect(titleOf(await h.say("we're with another partner right now and want to move our tenant over to you"))).to.equal(
      answers.get('account/reseller-relationship', 'en')!.title,
    );
    expect(textsOf(await h.say('reset a password for our new colleague'))).to.deep.equal(['name?']);
  });
});

describe('What a message names outweighs how the recognizer reads it', function () {
  this.timeout(20_000);

  it('a question is not a greeting, a ticket id is not chatter, and naming a service request asks for one', async () => {
    const { h } = await setup([
      [/unusable|在吗|happening/, 'greeting', { score: 0.64, alternatives: [] }],
      [/服务请求/, 'howto_faq', { score: 0.66, alternatives: [] }],
    ]);
    const greeting = messages('en').greeting;
    expect(textsOf(await h.say('teams meetings were basically unusable all morning, is it you or us'))).not.to.include(greeting);
    expect(textsOf(await h.say('在吗'))).to.deep.equal([messages('zh-CN').greeting]);
    expect(textsOf(await h.say('帮我向世纪互联提个服务请求，azure 存储账户里的文件下载特别慢'))).to.deep.equal([
      'handoff for report_problem',
    ]);
  });
});

describe('asksForCompensation and the lower bar it answers at', () => {
  it('reads compensation and service credits in both languages, not an outage alone or a credit card', () => {
    for (const q of [
      '邮箱挂了半天，能要求赔偿吗',
      '宕机能不能有补偿',
      'teams was down all morning, do we get a credit for that',
      'is there an SLA',
    ])
      expect(asksForCompensation(q), q).to.equal(true);
    for (const q of ['邮箱是不是挂了', 'is teams down', 'can we pay by credit card']) expect(asksForCompensation(q), q).to.equal(false);
    expect(answersDirectly('teams was down all morning, can we claim a service credit?', 'en', 0.35)).to.equal(true);
    expect(answersDirectly('is teams down right now?', 'en', 0.35)).to.equal(false);
  });
});
