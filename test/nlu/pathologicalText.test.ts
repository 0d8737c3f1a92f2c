import { expect } from 'chai';
import { join } from 'node:path';
import { addressRuns } from '../../bot/nlu/addresses.js';
import { extractEntities } from '../../bot/nlu/entities.js';
import { LocalRecognizer } from '../../bot/nlu/localRecognizer.js';
import { detectLocale, resolveLocale } from '../../bot/languagePreference.js';
import { detectInterruption } from '../../bot/interruption.js';
import { parseYesNo } from '../../bot/yesNo.js';
import { clip, understood, UNDERSTOOD_CHARS } from '../../bot/text/understood.js';

const ROOT = join(import.meta.dirname, '../..');
const N = 100_000;
/** Unbroken words and runs of the characters addresses are made of: what made the old patterns quadratic. */
const PATHOLOGICAL: Record<string, string> = {
  'one long word': 'x'.repeat(N),
  dots: '.'.repeat(N),
  'at signs': '@'.repeat(N),
  hyphens: '-'.repeat(N),
  'a@ repeated': 'a@'.repeat(N / 2),
  'a. repeated': 'a.'.repeat(N / 2),
  'a- repeated': 'a-'.repeat(N / 2),
  'labels without a top-level domain': `${'a.'.repeat(N / 2 - 1)}1`,
  'a local part without a domain': `${'x'.repeat(N - 1)}@`,
  '<at repeated': '<at '.repeat(N / 4),
  'Han and Latin mixed': '邮箱x@'.repeat(N / 3),
};

describe('customer text of any length costs bounded work', () => {
  it('address scanning visits each character once: steps grow linearly, not with the square', () => {
    for (const [name, text] of Object.entries(PATHOLOGICAL)) {
      const short = { count: 0 };
      const long = { count: 0 };
      Array.from(addressRuns(text.slice(0, 1000), short));
      Array.from(addressRuns(text, long));
      expect(long.count, name).to.equal(text.length + 1);
      expect(long.count / short.count, name).to.be.at.most((text.length + 1) / 1000);
    }
  });

  it('every extractor reads only the bounded prefix: the answer for the whole text is the answer for its prefix', async () => {
    const recognizer = await LocalRecognizer.fromDirectory(join(ROOT, 'knowledge/intents'));
    for (const [name, text] of Object.entries(PATHOLOGICAL)) {
      const prefix = understood(text);
      expect(prefix.length, name).to.be.at.most(UNDERSTOOD_CHARS);
      expect(extractEntities(text), name).to.deep.equal(extractEntities(prefix));
      expect(detectLocale(text), name).to.equal(detectLocale(prefix));
      expect(resolveLocale({}, text, 'en'), name).to.deep.equal(resolveLocale({}, prefix, 'en'));
      expect(recognizer.recognizeSync(text), name).to.deep.equal(recognizer.recognizeSync(prefix));
      expect(detectInterruption(text), name).to.equal(undefined);
      expect(parseYesNo(text), name).to.equal(undefined);
    }
  });

  it('finds what is inside the bound and ignores what lies beyond it', () => {
    const padding = 'x'.repeat(N);
    expect(extractEntities(`admin@contoso.cn ${padding}`).map((e) => e.value)).to.deep.equal(['admin@contoso.cn']);
    expect(extractEntities(`${padding} admin@contoso.cn`)).to.deep.equal([]);
    expect(detectLocale(`${'a'.repeat(N)} 你好`)).to.equal('en');
  });

  it('clips on a character boundary, never inside a surrogate pair', () => {
    const emoji = '😀'.repeat(UNDERSTOOD_CHARS);
    const cut = understood(emoji);
    expect(cut.length % 2).to.equal(0);
    expect(cut.endsWith('😀')).to.equal(true);
    expect(clip('abc', 10)).to.equal('abc');
  });
});
