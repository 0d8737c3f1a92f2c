import { expect } from 'chai';
import { printable, terminalSafe, withoutControls } from '../../../bot/text/printable.js';

const ESC = '\u001b';
const ATTACKS = {
  'clear screen': `${ESC}[2J${ESC}[H`,
  'fake coloured line': `${ESC}[32mT-9999  resolved${ESC}[0m`,
  'OSC 52 clipboard write with BEL': `${ESC}]52;c;cm0gLXJmIH4=\u0007`,
  'C1 CSI': '\u009b31mred',
  'right-to-left override': 'invoice\u202Efdp.exe',
};

describe('text printed to the reseller terminal and stored', () => {
  for (const [name, attack] of Object.entries(ATTACKS)) {
    it(`${name}: printed as visible escapes, stored without the control characters`, () => {
      for (const shown of [printable(`title ${attack}`), terminalSafe(`title ${attack}\nnext`)]) {
        expect(shown).to.not.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
        expect(shown).to.match(/\\u\{(1B|7|9B|202E)\}/);
      }
      expect(withoutControls(attack)).to.not.match(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/u);
    });
  }

  it('keeps ordinary text, Chinese and emoji as they are', () => {
    const text = 'Outlook 打不开 😀 — café';
    expect(printable(text)).to.equal(text);
    expect(terminalSafe(text)).to.equal(text);
    expect(withoutControls(text)).to.equal(text);
  });

  it('a value inside a line cannot start a new line; a block keeps its own line breaks', () => {
    expect(printable('a\nT-1001  fake')).to.equal('a\\u{A}T-1001  fake');
    expect(terminalSafe('line 1\nline 2\tx')).to.equal('line 1\nline 2\tx');
    expect(withoutControls('a\nb')).to.equal('a b');
    expect(withoutControls('a\nb', { multiline: true })).to.equal('a\nb');
  });
});
