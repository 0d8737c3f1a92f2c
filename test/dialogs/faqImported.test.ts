import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { join } from 'node:path';
import { messages } from '../../bot/i18n/messages.js';
import { ArticleSearch } from '../../bot/knowledge/articleSearch.js';
import { importSources } from '../../bot/knowledge/import/importSources.js';
import { LiveKnowledge } from '../../bot/knowledge/liveKnowledge.js';
import { loadKnowledge } from '../../bot/knowledge/loadKnowledge.js';
import { FaqDialog } from '../../dialogs/faqDialog.js';
import { FollowUps } from '../../dialogs/followUps.js';
import { HandoffStubDialog } from '../support/askNameDialog.js';
import { botHarness } from '../support/botHarness.js';
import { MemoryFeedback } from '../support/fakeAnswers.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { makeTempDir } from '../support/tempDir.js';
import { writeTree } from '../support/writeTree.js';

const ROOT = join(import.meta.dirname, '../..');

interface Card {
  body: Array<{ text: string; isSubtle?: boolean }>;
  actions: Array<{ type: string; title: string; url?: string; data?: { msteams: { value: string } } }>;
}
const cardOf = (replies: Partial<Activity>[]) => replies.find((r) => r.attachments?.length)?.attachments?.[0]?.content as Card;

// Imported help pages written for this test, one per language, with a long section that must be trimmed.
const LONG = Array.from(
  { length: 30 },
  (_, i) => `Paragraph ${i + 1} of the vault guide explains one more detail of recovery points.`,
).join('\n\n');
const DOCS = {
  'backup/vm-backup.md':
    '---\ntitle: Back up virtual machines\n---\nAzure Backup stores recovery points in a vault.\n\n' +
    '## Retention of recovery points\n\nDaily recovery points are kept for 30 days by default.\n\n' +
    `## Vault guide\n\n${LONG}\n`,
  'backup/vm-backup-zh.md':
    '---\ntitle: 备份虚拟机\n---\nAzure 备份把恢复点保存在保管库中。\n\n## 恢复点的保留期\n\n默认每日恢复点保留 30 天。\n',
};

describe('FaqDialog with imported documentation', function () {
  this.timeout(30_000);
  let answers: LiveKnowledge;
  let remove: () => Promise<void>;

  before(async () => {
    const dir = await makeTempDir('faq-imported-');
    remove = dir.remove;
    await writeTree(join(dir.path, 'docs'), DOCS);
    const imported = await importSources({
      sources: [join(dir.path, 'docs')],
      name: 'help',
      knowledgeDir: join(dir.path, 'kb'),
      baseUrl: 'https://help.example.cn/docs/',
      cwd: dir.path,
    });
    expect(imported.problems).to.deep.equal([]);
    const kb = await loadKnowledge(join(ROOT, 'knowledge/articles'), { imported: join(dir.path, 'kb/imported'), cwd: ROOT });
    answers = new LiveKnowledge(
      join(ROOT, 'knowledge/articles'),
      new ArticleSearch(kb.articles, { imported: kb.imported, tokens: kb.tokens }),
    );
  });
  after(() => remove());

  function setup() {
    const feedback = new MemoryFeedback();
    const h = botHarness({
      recognizer: new FakeRecognizer([
        [/thank|谢谢/i, 'thanks'],
        [/./, 'howto_faq'],
      ]),
      children: (focus) => ({
        howto_faq: new FaqDialog(answers, feedback, () => new Date('2026-11-23T08:00:00Z'), focus),
        escalate_human: new HandoffStubDialog(),
      }),
      followUps: new FollowUps({ articles: answers }),
      faq: { dialogId: FaqDialog.id, canAnswer: (q, l) => answers.best(q, l) !== null },
    });
    return { h, feedback };
  }

  for (const [locale, question, title, heading, url] of [
    [
      'en',
      'how long are daily VM recovery points kept',
      'Back up virtual machines',
      'Retention of recovery points',
      'https://help.example.cn/docs/backup/vm-backup',
    ],
    ['zh-CN', '虚拟机备份的恢复点保留多久', '备份虚拟机', '恢复点的保留期', 'https://help.example.cn/docs/backup/vm-backup-zh'],
  ] as const) {
    const m = messages(locale);
    it(`${locale}: shows the answering section, the document title, a "${m.faq.source}" link; feedback keeps the imported id`, async () => {
      const { h, feedback } = setup();
      const card = cardOf(await h.say(question));
      expect(card.body[0]!.text).to.equal(title);
      expect(card.body[1]!.text).to.equal(heading);
      expect(card.body[2]!.text).to.include('30');
      expect(card.actions[0]).to.deep.equal({ type: 'Action.OpenUrl', title: m.faq.source, url });
      expect(card.actions.slice(1).map((a) => a.title)).to.deep.equal([m.faq.helped, m.faq.notHelped, m.faq.talkToSupport]);
      expect((await h.say(m.faq.helped))[0]!.text).to.equal(m.faq.thanksForFeedback);
      const id = `imported/help/backup/${locale === 'en' ? 'vm-backup' : 'vm-backup-zh'}`;
      expect(feedback.feedback).to.deep.equal([{ articleId: id, helpful: true, locale, at: '2026-11-23T08:00:00.000Z' }]);
    });
  }

  it('trims a long section at a paragraph, says so, and offers the full document', async () => {
    const { h } = setup();
    const card = cardOf(await h.say('what does the vault guide explain about recovery point details'));
    expect(card.body[1]!.text).to.equal('Vault guide');
    expect(card.body[2]!.text.length).to.be.below(1_600);
    expect(card.body[2]!.text).to.match(/^Paragraph 1 of the vault guide.*recovery points\.$/s);
    expect(card.body[3]).to.include({ text: messages('en').faq.moreInSection, isSubtle: true });
    expect(card.actions.map((a) => a.title)).to.include(messages('en').faq.fullArticle);
    const full = await h.say(messages('en').faq.fullArticle);
    expect(full.map((r) => r.text).join('\n\n')).to.include('Paragraph 30 of the vault guide');
  });

  for (const [locale, question, followUp, heading, text] of [
    ['en', 'how do I add our company domain', 'how long does it take?', 'Steps', 'up to 30 minutes'],
    ['zh-CN', '怎么把公司域名加到O365里', '要等多长时间？', '操作步骤', '最多要 30 分钟'],
  ] as const) {
    it(`${locale}: a follow-up question about the article shown lands on its section`, async () => {
      const { h } = setup();
      expect(cardOf(await h.say(question)).body[0]!.text).to.equal(answers.get('account/custom-domain', locale)!.title);
      const card = cardOf(await h.say(followUp));
      expect(card.body[0]!.text).to.equal(answers.get('account/custom-domain', locale)!.title);
      expect(card.body[1]!.text).to.equal(heading);
      expect(card.body[2]!.text).to.include(text);
      // Still in the article's loop: feedback goes to the article.
      expect((await h.say(messages(locale).faq.helped))[0]!.text).to.equal(messages(locale).faq.thanksForFeedback);
    });
  }

  it('a follow-up that is not a question about the article still goes back to the main dialog', async () => {
    const { h } = setup();
    await h.say('how do I add our company domain');
    expect((await h.say('thanks'))[0]!.text).to.equal(messages('en').thanks);
  });
});
