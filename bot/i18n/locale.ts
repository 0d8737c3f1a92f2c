/** The two languages the bot speaks. Every user-facing string exists in both. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function toLocale(lang: 'zh' | 'en'): Locale {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** Channel locales ("zh-cn", "zh-Hans", "en-US") mapped onto ours. */
export function normalizeLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const v = value.toLowerCase();
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en';
  return undefined;
}
