import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { messages } from '../../bot/i18n/messages.js';
import { FaqDialog, splitForMessages } from '../../dialogs/faqDialog.js';
import { HandoffStubDialog } from '../support/askNameDialog.js';
import { botHarness } from '../support/botHarness.js';
import { FakeAnswers, MemoryFeedback } from '../support/fakeAnswers.js';

interface Card {
  body: Array<{ text: string }>;
  actions: Array<{ title: string; data: { msteams: { value: string } } }>;
}
const cardOf = (replies: Partial<Activity>[]) => replies.find((r) => r.attachments?.length)?.attachments?.[0]?.content as Card;

function setup() {
  const feedback = new MemoryFeedback();
  const h = botHarness({
    children: {
      howto_faq: new FaqDialog(new FakeAnswers(), feedback, () => new Date('2026-11-23T08:00:00Z')),
      escalate_human: new HandoffStubDialog(),
    },
  });
  return { h, feedback };
}

for (const locale of ['en', 'zh-CN'] as const) {
  const m = messages(locale);
  const ask = locale === 'en' ? 'how do I set up outlook' : '怎么设置outlook';
  describe(`FaqDialog (${locale})`, () => {
    it('answers with an article card: title, steps, related follow-ups, feedback and support buttons', async () => {
      const { h } = setup();
      const card = cardOf(await h.say(ask));
      expect(card.body[0]!.text).to.equal(locale === 'en' ? 'Set up Outlook' : '设置 Outlook');
      expect(card.body[2]!.text).to.match(/^1\. .+\n\n2\. /);
      const titles = card.actions.map((a) => a.title);
      expect(titles).to.have.length(5);
      expect(titles[0]).to.match(new RegExp(`^${m.faq.relatedPrefix}`));
      expect(titles.slice(2)).to.deep.equal([m.faq.helped, m.faq.notHelped, m.faq.talkToSupport]);
      expect(card.actions.every((a) => a.data.msteams.value === a.title)).to.equal(true);
    });

    it('a follow-up click shows the related article', async () => {
      const { h } = setup();
      const first = cardOf(await h.say(ask));
      const next = cardOf(await h.say('', { value: first.actions[1]!.data }));
      expect(next.body[0]!.text).to.equal(locale === 'en' ? 'Use the mobile apps' : '使用手机应用');
    });

    it('"didn\'t help" records feedback, offers the next best article, then escalation', async () => {
      const { h, feedback } = setup();
      await h.say(ask);
      const second = await h.say(m.faq.notHelped);
      expect(second[0]!.text).to.equal(m.faq.nextBest);
      expect(cardOf(second).body[0]!.text).to.equal(locale === 'en' ? 'Outlook keeps asking for a password' : 'Outlook 反复要求输入密码');
      const offer = await h.say(m.faq.notHelped);
      expect(offer[0]!.text).to.equal(m.faq.outOfArticles);
      expect(feedback.feedback.map((f) => [f.articleId, f.helpful, f.locale])).to.deep.equal([
        ['howto/outlook-setup', false, locale],
        ['connectivity/outlook-password-prompts', false, locale],
      ]);
      // Yes to the offer starts the main dialog's handoff route.
      expect((await h.say(locale === 'en' ? 'yes' : '好的'))[0]!.text).to.equal('handoff for escalate_human');
    });

    it('"Talk to support" on the card goes to the handoff route with intent escalate_human', async () => {
      const { h, feedback } = setup();
      const card = cardOf(await h.say(ask));
      const support = card.actions.find((a) => a.title === m.faq.talkToSupport)!;
      expect((await h.say('', { value: support.data }))[0]!.text).to.equal('handoff for escalate_human');
      expect(feedback.feedback).to.deep.equal([]);
    });

    it('"this helped" is stored with no message text and ends the answer', async () => {
      const { h, feedback } = setup();
      await h.say(ask);
      expect((await h.say(m.faq.helped))[0]!.text).to.equal(m.faq.thanksForFeedback);
      expect(feedback.feedback).to.deep.equal([
        { articleId: 'howto/outlook-setup', helpful: true, locale, at: '2026-11-23T08:00:00.000Z' },
      ]);
      expect(JSON.stringify(feedback.feedback)).to.not.include(ask);
    });

    it('records an unanswered question and says so', async () => {
      const { h, feedback } = setup();
      const replies = await h.say(locale === 'en' ? 'how do I configure the quantum flux' : '怎么配置量子通量');
      expect(replies[0]!.text).to.equal(m.faq.noAnswer);
      expect(feedback.unanswered).to.have.length(1);
      expect(feedback.unanswered[0]!.locale).to.equal(locale);
      expect(feedback.unanswered[0]!.bestScore).to.equal(0);
    });

    it('keeps the best score of a near miss with the unanswered question', async () => {
      const { h, feedback } = setup();
      const replies = await h.say(locale === 'en' ? 'how do I set up a shared mail folder' : '怎么设置共享邮件文件夹');
      expect(replies[0]!.text).to.equal(m.faq.noAnswer);
      expect(feedback.unanswered.map((u) => [u.bestScore, u.locale, u.text])).to.deep.equal([
        [0.12, locale, locale === 'en' ? 'how do I set up a shared mail folder' : '怎么设置共享邮件文件夹'],
      ]);
    });

    it('a new question typed instead of a button is routed afresh', async () => {
      const { h } = setup();
      await h.say(ask);
      expect((await h.say(locale === 'en' ? 'thanks' : '谢谢'))[0]!.text).to.equal(m.thanks);
    });
  });
}

describe('splitForMessages', () => {
  it('keeps every chunk under the limit and loses no text', () => {
    const text = Array.from({ length: 30 }, (_, i) => `段落 ${i} ` + 'x'.repeat(300)).join('\n\n');
    const chunks = splitForMessages(text, 1000);
    expect(chunks.every((c) => c.length <= 1000)).to.equal(true);
    expect(chunks.join('\n\n')).to.equal(text);
  });
});
