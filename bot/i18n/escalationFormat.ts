import { CHINA_TIME_ZONE } from '../directory/format.js';
import type { Locale } from './locale.js';

const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** An instant as date and time in China time: "23 Nov 2026, 16:00" / "2026年11月23日 16:00". */
export function chinaDateTime(iso: string, locale: Locale): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: CHINA_TIME_ZONE,
      year: 'numeric',
      month: locale === 'en' ? 'short' : 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, f);
  }
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : f.format(at);
}
