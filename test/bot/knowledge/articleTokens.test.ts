import { expect } from 'chai';
import { join } from 'node:path';
import type { Article } from '../../../bot/knowledge/article.js';
import { ArticleSearch } from '../../../bot/knowledge/articleSearch.js';
import { loadArticleTokens, serializeArticleTokens } from '../../../bot/knowledge/articleTokens.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { ARTICLE_TOKENS_FILE, writeCacheFile } from '../../../bot/startupCache.js';
import { makeTempDir } from '../../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../../..');
// Written for this test; none is copied from an article or from the evaluation data.
const QUESTIONS: Array<[string, 'zh-CN' | 'en']> = [
  ['电脑上的 Outlook 怎么加公司邮箱', 'zh-CN'],
  ['发票抬头开错了能重开吗', 'zh-CN'],
  ['订阅快到期了怎么续', 'zh-CN'],
  ['my staff cannot sign in after the password change', 'en'],
  ['where do I see what we were charged last month', 'en'],
  ['OneDrive keeps saying sync is paused', 'en'],
];
const summary = (search: ArticleSearch, q: string, locale: 'zh-CN' | 'en') =>
  search.search(q, locale).map((h) => [h.article.id, h.score.toFixed(6), h.confidence.toFixed(6), h.section?.heading ?? null]);

describe("curated articles' search tokens saved by the build (start-up cache)", () => {
  let articles: readonly Article[];
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  before(async () => {
    articles = (await loadKnowledge(join(ROOT, 'knowledge/articles'))).articles;
    tmp = await makeTempDir();
  });
  after(() => tmp.remove());

  it('gives the same answers, scores and sections as tokenizing at start-up', async () => {
    await writeCacheFile(tmp.path, ARTICLE_TOKENS_FILE, serializeArticleTokens(articles));
    const articleTokens = await loadArticleTokens(tmp.path);
    expect(articleTokens?.size).to.be.above(articles.length * 3);
    const plain = new ArticleSearch(articles);
    const cached = new ArticleSearch(articles, { articleTokens: articleTokens! });
    for (const [q, locale] of QUESTIONS) {
      const expected = summary(plain, q, locale);
      expect(expected, q).to.not.have.lengthOf(0);
      expect(summary(cached, q, locale), q).to.deep.equal(expected);
    }
  });

  it('is used when present: saved tokens decide what the index holds', async () => {
    // Every text saved as the single word "zebra": a search only the saved tokens can answer.
    const saved = JSON.parse(serializeArticleTokens(articles)) as { fingerprint: string; tokens: Record<string, string> };
    for (const k of Object.keys(saved.tokens)) saved.tokens[k] = 'zebra';
    await writeCacheFile(tmp.path, ARTICLE_TOKENS_FILE, JSON.stringify(saved));
    const search = new ArticleSearch(articles, { articleTokens: (await loadArticleTokens(tmp.path))! });
    expect(search.search('zebra', 'en')).to.not.have.lengthOf(0);
    expect(new ArticleSearch(articles).search('zebra', 'en')).to.have.lengthOf(0);
  });

  it("is ignored when the tokenizer's rules changed since (another fingerprint) or the file is missing", async () => {
    const saved = JSON.parse(serializeArticleTokens(articles)) as { fingerprint: string };
    await writeCacheFile(tmp.path, ARTICLE_TOKENS_FILE, JSON.stringify({ ...saved, fingerprint: 'older-rules' }));
    expect(await loadArticleTokens(tmp.path)).to.equal(undefined);
    expect(await loadArticleTokens(join(tmp.path, 'nowhere'))).to.equal(undefined);
  });
});
