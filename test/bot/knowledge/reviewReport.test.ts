import { expect } from 'chai';
import { groupUnanswered, rateArticles } from '../../../bot/knowledge/reviewReport.js';

const at = '2026-11-20T00:00:00Z';

describe('review report', () => {
  it('groups unanswered questions that share most of their words', () => {
    const groups = groupUnanswered({
      feedback: [],
      unanswered: [
        { text: 'how do I export my mailbox to pst', locale: 'en', at, bestScore: 0.1 },
        { text: '怎么导出邮箱到pst文件', locale: 'zh-CN', at, bestScore: 0.1 },
        { text: 'export mailbox to pst file', locale: 'en', at, bestScore: 0.2 },
        { text: 'can I get a discount for schools', locale: 'en', at, bestScore: 0 },
      ],
    });
    expect(groups[0]!.questions).to.deep.equal(['how do I export my mailbox to pst', 'export mailbox to pst file']);
    expect(groups[0]!.bestScore).to.equal(0.2);
    expect(groups).to.have.length(3);
  });

  it('ranks articles by helpful rate, worst first', () => {
    const ratings = rateArticles({
      unanswered: [],
      feedback: [
        { articleId: 'a', helpful: true, locale: 'en', at },
        { articleId: 'b', helpful: false, locale: 'en', at },
        { articleId: 'b', helpful: true, locale: 'zh-CN', at },
        { articleId: 'c', helpful: false, locale: 'en', at },
      ],
    });
    expect(ratings.map((r) => [r.articleId, r.helpfulRate])).to.deep.equal([
      ['c', 0],
      ['b', 0.5],
      ['a', 1],
    ]);
  });
});
