import { expect } from 'chai';
import { expandColloquial } from '../../bot/nlu/colloquial.js';
import { tokenize } from '../../bot/nlu/tokenizer.js';

describe('expandColloquial', () => {
  it('spells chat shorthand out, so the cues and the recognizer read it', () => {
    expect(expandColloquial('emails r taking forever, something up on ur side?')).to.equal(
      'emails are taking forever, something up on your side?',
    );
    expect(expandColloquial('do u have a guide w screenshots')).to.equal('do you have a guide with screenshots');
    expect(expandColloquial('buying thru another csp, pls help, gotta fix it b4 tmrw')).to.equal(
      'buying through another csp, please help, have to fix it before tomorrow',
    );
    expect(tokenize('r u down rn')).to.deep.equal(tokenize('are you down right now'));
  });

  it('leaves names, addresses and words that only contain the letters alone', () => {
    for (const t of ['R&D team', 'u.s. office', 'U盘', 'user@u.cn', 'our url is r.example.cn', 'Grace Wu'])
      expect(expandColloquial(t), t).to.equal(t);
  });

  it('reads everyday Chinese verbs as the usual ones', () => {
    expect(expandColloquial('帮我瞅瞅我们这期要交多少钱')).to.equal('帮我看我们这期要交多少钱');
    expect(expandColloquial('商业基础版再给我们整 3 个')).to.equal('商业基础版再给我们加 3 个');
    expect(expandColloquial('新来了俩实习生，账号要咋整')).to.equal('新来了两个实习生，账号要怎么弄');
    expect(expandColloquial('这个单子啥时候能好')).to.equal('这个单子什么时候能好');
    for (const t of ['整个公司都用不了', '整体切换通道', '瞧不起']) expect(expandColloquial(t), t).to.equal(t);
  });
});
