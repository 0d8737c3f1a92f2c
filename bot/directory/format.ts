import type { Locale } from '../i18n/locale.js';

export const CHINA_TIME_ZONE = 'Asia/Shanghai';
const money = new Map<Locale, Intl.NumberFormat>();

/** ¥1,234.50 in both locales (narrow symbol: English would otherwise say CN¥). */
export function formatCny(amount: number, locale: Locale): string {
  let f = money.get(locale);
  if (!f) money.set(locale, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' })));
  return f.format(amount);
}

/** A calendar date (YYYY-MM-DD, China time) or an ISO instant, shown as a date in China time. */
export function formatDate(value: string, locale: Locale): string {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  return new Intl.DateTimeFormat(locale, { timeZone: CHINA_TIME_ZONE, dateStyle: locale === 'en' ? 'medium' : 'long' }).format(at);
}

/** '2026-10' → 'October 2026' / '2026年10月'. */
export function formatPeriod(period: string, locale: Locale): string {
  const [y, m] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(new Date(Date.UTC(y!, m! - 1, 15)));
}

// Built once: every turn asks for today's date, and making a formatter costs far more than using one.
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in China time as YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return DAY.format(now);
}
