import { expect } from 'chai';
import { tokenize } from '../../bot/nlu/tokenizer.js';

describe('tokenize', () => {
  it('segments Chinese into words', () => {
    expect(tokenize('Exchange是不是挂了')).to.deep.equal(['exchange', '是不是', '挂了']);
    expect(tokenize('发票怎么开？')).to.deep.equal(['发票', '怎么', '开']);
  });

  it('lowercases English and drops punctuation', () => {
    expect(tokenize('How do I set up Outlook?!')).to.deep.equal(['how', 'do', 'i', 'set', 'up', 'outlook']);
  });

  it('keeps product words whole inside mixed text', () => {
    expect(tokenize('我的O365 license怎么续费')).to.include.members(['o365', 'license', '怎么']);
    expect(tokenize('O365怎么加license')).to.deep.equal(['o365', '怎么', '加', 'license']);
  });

  it('normalises full-width characters', () => {
    expect(tokenize('ＯＵＴＬＯＯＫ　登录')).to.deep.equal(['outlook', '登录']);
  });

  it('returns nothing for punctuation or whitespace only', () => {
    expect(tokenize(' ？！… ')).to.deep.equal([]);
  });
});
