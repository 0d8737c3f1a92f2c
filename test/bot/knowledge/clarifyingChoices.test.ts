import { expect } from 'chai';
import { ArticleSearch } from '../../../bot/knowledge/articleSearch.js';
import { clarifyingChoices, isVague } from '../../../bot/knowledge/clarifyingChoices.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';

describe('clarifying menus for vague messages', () => {
  let search: ArticleSearch;
  before(async () => {
    search = new ArticleSearch((await loadKnowledge('knowledge/articles')).articles);
  });
  const choices = (q: string, locale: 'en' | 'zh-CN') =>
    clarifyingChoices(q, (limit) => search.search(q, locale, limit).map((h) => ({ article: h.article, score: h.confidence }))).map(
      (c) => c.id,
    );

  it('a lone topic word, or "that thing", is vague; a question that says what it wants is not', () => {
    expect(['password', '密码', 'outlook', 'teams 那个怎么弄'].map(isVague)).to.deep.equal([true, true, true, true]);
    expect(['how do I reset my password', 'DNS 要配置什么', 'outlook keeps asking for my password'].map(isVague)).to.deep.equal([
      false,
      false,
      false,
    ]);
  });

  it('offers the likeliest articles by title when none clearly wins, and nothing when one does', () => {
    expect(choices('password', 'en'))
      .to.include.members(['account/reset-password', 'connectivity/outlook-password-prompts'])
      .and.have.length.within(2, 3);
    expect(choices('密码', 'zh-CN')).to.include('connectivity/outlook-password-prompts');
    expect(choices('mfa', 'en')).to.deep.equal([]);
    expect(choices('how do I reset my password', 'en')).to.deep.equal([]);
  });
});
