import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleSearch } from '../../../bot/knowledge/articleSearch.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';

const ROOT = join(import.meta.dirname, '../../..');

// Phrasings written for this test; none is copied from an article or from the evaluation data.
const EXPECTED: Array<[string, 'zh-CN' | 'en', string]> = [
  ['公司要开增值税专票找谁', 'zh-CN', 'billing/fapiao'],
  ['同事的登录密码忘了怎么重置', 'zh-CN', 'account/reset-password'],
  ['怎么开启双重验证', 'zh-CN', 'account/mfa'],
  ['域名的MX记录应该指向哪里', 'zh-CN', 'config/dns-records'],
  ['Outlook老是弹出密码窗口', 'zh-CN', 'connectivity/outlook-password-prompts'],
  ['想再多买几个许可证', 'zh-CN', 'subscription/add-licenses'],
  ['订阅到期自动续费怎么关', 'zh-CN', 'subscription/renewal'],
  ['OneDrive同步客户端不工作', 'zh-CN', 'onedrive-sync'],
  ['where do I find last month invoice', 'en', 'billing/view-invoice'],
  ['how can I get a VAT fapiao for my payment', 'en', 'billing/fapiao'],
  ['set up two-step verification for my staff', 'en', 'account/mfa'],
  ['which MX and autodiscover records do I create', 'en', 'config/dns-records'],
  ['Outlook prompts for my password again and again', 'en', 'connectivity/outlook-password-prompts'],
  ['how do I cancel a subscription', 'en', 'subscription/cancel'],
  ['what severity should my ticket be', 'en', 'support/severity-levels'],
];

describe('ArticleSearch', () => {
  let search: ArticleSearch;
  before(async () => {
    search = new ArticleSearch((await loadKnowledge(join(ROOT, 'knowledge/articles'), { cwd: ROOT })).articles);
  });

  it('puts the right article in the top 3, and first for most questions', () => {
    let first = 0;
    const misses: string[] = [];
    for (const [question, locale, id] of EXPECTED) {
      const hits = search.search(question, locale, 3).map((h) => h.article.id);
      if (!hits.some((h) => h.endsWith(id))) misses.push(`${question} → ${hits.join(', ')}`);
      if (hits[0]?.endsWith(id)) first++;
    }
    expect(misses, misses.join('\n')).to.deep.equal([]);
    expect(first / EXPECTED.length).to.be.at.least(0.8);
  });

  // A larger set of the project's own questions (test/knowledge/searchQuestions.json), per language:
  // how often the right article is first, in the top 3, and how often a question we cannot answer gets none.
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`ranks the project's own ${locale} questions: right article first for 85%, top 3 for 95%, no answer for 85% of the rest`, () => {
      const { questions } = JSON.parse(readFileSync(join(ROOT, 'test/knowledge/searchQuestions.json'), 'utf8')) as {
        questions: Array<['zh-CN' | 'en', string, string | null]>;
      };
      let covered = 0,
        first = 0,
        top3 = 0,
        uncovered = 0,
        none = 0;
      const wrong: string[] = [];
      for (const [l, question, id] of questions.filter(([l]) => l === locale)) {
        const best = search.best(question, l);
        if (id === null) {
          uncovered++;
          if (best === null) none++;
          else wrong.push(`${question} → ${best.article.id}`);
          continue;
        }
        covered++;
        if (best?.article.id === id) first++;
        if (search.search(question, l, 3).some((h) => h.article.id === id)) top3++;
      }
      expect(covered).to.be.at.least(90);
      expect(first / covered, 'first').to.be.at.least(0.85);
      expect(top3 / covered, 'top 3').to.be.at.least(0.95);
      expect(none / uncovered, `answered instead of none: ${wrong.join('; ')}`).to.be.at.least(0.85);
    });
  }

  it('answers in the language asked', () => {
    expect(search.best('怎么开发票', 'zh-CN')?.article.locale).to.equal('zh-CN');
    expect(search.best('how do I get a fapiao', 'en')?.article.locale).to.equal('en');
  });

  it('returns null for questions the knowledge base does not cover', () => {
    for (const [q, locale] of [
      ['what is the weather in beijing', 'en'],
      ['how do I bake sourdough bread', 'en'],
      ['HDInsight 集群的 Spark 作业怎么停止', 'zh-CN'],
      ['推荐一部好看的电影', 'zh-CN'],
    ] as const) {
      expect(search.best(q, locale), q).to.equal(null);
    }
  });

  it('nextBest skips the articles already shown', () => {
    const first = search.best('Outlook一直要密码', 'zh-CN')!;
    const next = search.nextBest('Outlook一直要密码', 'zh-CN', [first.article.id]);
    expect(next?.article.id).to.not.equal(first.article.id);
  });
});
