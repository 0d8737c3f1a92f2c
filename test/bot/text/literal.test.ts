import { expect } from 'chai';
import { literalForCard, literalForMessage } from '../../../bot/text/literal.js';

const HOSTILE = [
  '[x](http://evil)',
  '<at>Admin</at>',
  '<script>alert(1)</script>',
  '${user.password}',
  '**bold** _it_ `code`',
  '![img](http://evil/p.png)',
];

describe('literal text', () => {
  it('card text keeps every character but no markdown link, image or template survives', () => {
    for (const input of HOSTILE) {
      const out = literalForCard(input);
      expect(out.replace(/\\/g, '').replace(/\u200d/g, '')).to.equal(input);
      expect(out).to.not.match(/(?<!\\)\[[^\]]*(?<!\\)\]\((?!\\)/);
      expect(out).to.not.include('${');
    }
  });

  it('message text escapes HTML so Teams cannot render tags or mentions', () => {
    expect(literalForMessage('<at>Admin</at>')).to.equal('&lt;at&gt;Admin&lt;/at&gt;');
    expect(literalForMessage('<script>alert(1)</script>')).to.not.include('<');
    expect(literalForMessage('[x](http://evil)')).to.equal('\\[x\\]\\(http://evil\\)');
    expect(literalForMessage('${a}')).to.not.include('${');
  });

  it('leaves ordinary Chinese and English text alone', () => {
    expect(literalForCard('邮件延迟 Exchange Online')).to.equal('邮件延迟 Exchange Online');
    expect(literalForMessage('发票 T-1024')).to.equal('发票 T-1024');
  });
});
