import { expect } from 'chai';
import { queryTerms, searchTokens, searchWords } from '../../../bot/knowledge/searchTerms.js';

describe('searchTerms', () => {
  it('drops words that say nothing about the topic, in both languages', () => {
    expect(searchWords('请问我们怎么开发票呢')).to.not.include.members(['请问', '我们', '怎么', '呢']);
    expect(searchWords('how do I get a fapiao')).to.deep.equal(['fapiao']);
  });

  it('puts product names back together that the segmenter splits, and spells variants one way', () => {
    expect(searchWords('世纪互联')).to.deep.equal(['世纪互联']);
    expect(searchWords('登陆不上')).to.include('登录');
    expect(searchWords('O365 和 Microsoft 365')).to.deep.equal(['365', '365']);
    expect(searchWords('Azure AD 和 AAD')).to.deep.equal(['entra', 'entra']);
    expect(searchWords('O365后台')).to.include.members(['管理', '中心']);
  });

  it('joins "log in" and "sign in" and stems English, so different forms meet', () => {
    expect(searchWords('I cannot log in')).to.deep.equal(searchWords('sign in fails').slice(0, 1));
    expect(searchWords('licenses')).to.deep.equal(searchWords('license'));
    expect(searchWords('escalation')).to.deep.equal(searchWords('escalate'));
  });

  it('reads everyday names and common typos as the words the articles use', () => {
    expect(searchWords('装个ppt')).to.deep.equal(searchWords('安装 PowerPoint'));
    expect(searchWords('outlok on my macbook')).to.deep.equal(searchWords('Outlook Mac'));
    expect(searchWords('苹果电脑')).to.deep.equal(searchWords('mac'));
    expect(searchWords('网盘')).to.deep.equal(searchWords('OneDrive'));
    expect(searchWords('新笔记本上装office三件套')).to.include.members(searchWords('电脑 安装 Office'));
    expect(searchWords('forgot my acount pasword')).to.deep.equal(searchWords('forgot account password'));
    expect(searchWords("can't log into teams")).to.deep.equal(searchWords('sign in to Teams'));
    expect(searchWords('setting up outlook')).to.deep.equal(searchWords('set up Outlook'));
    // 装 inside another word is not installing.
    expect(searchWords('包装 服装 装修')).to.not.include('安装');
  });

  it('reads the colloquial words of follow-ups as the articles write them', () => {
    expect(searchWords('在哪看')).to.deep.equal(searchWords('在哪查看'));
    expect(searchWords('登上去以后')).to.deep.equal(searchWords('登录以后'));
    expect(searchWords('想买365')).to.deep.equal(searchWords('想购买365'));
    expect(searchWords('买单')).to.not.include('购买');
    expect(searchWords('公司外面的人能拉进来吗')).to.include.members(['外部', '添加']);
    expect(searchWords('can those be emailed to me')).to.deep.equal(searchWords('email'));
    // Fillers ask nothing: 「具体怎么申请」 is about applying, "actually claim it" about claiming.
    expect(searchWords('具体怎么申请')).to.deep.equal(['申请']);
    expect(searchWords('how do we actually claim it')).to.deep.equal(searchWords('claim'));
  });

  it('adds Chinese character pairs across segmentation boundaries, marked as pairs', () => {
    const terms = queryTerms('登录时报错');
    expect(terms.find((t) => t.term === '报错')).to.deep.include({ pair: true, weight: 0.5 });
    expect(terms.filter((t) => !t.pair).map((t) => t.term)).to.include('登录');
  });

  it('indexes the same terms a question produces, with repeats kept for term frequency', () => {
    expect(searchTokens('发票 发票')).to.deep.equal(['发票', '发票']);
    for (const t of queryTerms('怎么开增值税专用发票')) expect(searchTokens('开增值税专用发票')).to.include(t.term);
  });
});
