import { expect } from 'chai';
import { detectLocale, requestedLocale, resolveLocale } from '../../bot/languagePreference.js';

describe('languagePreference', () => {
  it('detects Chinese from any Han character and English from Latin words, ignoring identifiers', () => {
    expect(detectLocale('我的O365 license怎么续费')).to.equal('zh-CN');
    expect(detectLocale('Is Exchange down?')).to.equal('en');
    for (const neutral of ['T-1024', 'wang.lei@fabrikam.cn', 'contoso.partner.onmschina.cn', 'https://portal.azure.cn', '👍', '2026-10']) {
      expect(detectLocale(neutral), neutral).to.equal(undefined);
    }
  });

  it('a new message decides the language, even a short one', () => {
    const zh = { lastDetected: 'zh-CN' as const };
    expect(resolveLocale(zh, 'hello', 'zh-CN').locale).to.equal('en');
    expect(resolveLocale({ lastDetected: 'en' }, '谢谢', 'en').locale).to.equal('zh-CN');
  });

  it('a short answer to a question keeps the conversation language; a sentence switches it', () => {
    const zh = { lastDetected: 'zh-CN' as const };
    for (const answer of ['fabrikamsh', 'Lei Wang', 'yes', 'OK!'])
      expect(resolveLocale(zh, answer, undefined, true).locale, answer).to.equal('zh-CN');
    expect(resolveLocale({ lastDetected: 'en' }, '王小明', undefined, true).locale).to.equal('en');
    expect(resolveLocale({ lastDetected: 'en' }, 'Contoso 上海 Ltd', undefined, true).locale).to.equal('en');
    expect(resolveLocale(zh, 'I would rather continue in English', undefined, true).locale).to.equal('en');
    expect(resolveLocale({ lastDetected: 'en' }, '我还是想用中文说吧', undefined, true).locale).to.equal('zh-CN');
    // With nothing to keep, even a short answer decides.
    expect(resolveLocale({}, 'yes', 'zh-CN', true).locale).to.equal('en');
  });

  it('an explicit request sticks over later detection', () => {
    expect(requestedLocale('English please')).to.equal('en');
    const { state } = resolveLocale({}, '请用中文', 'en');
    expect(resolveLocale(state, 'How do I reset my password?', 'en').locale).to.equal('zh-CN');
  });
});
