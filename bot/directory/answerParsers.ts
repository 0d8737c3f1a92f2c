import { extractEntities } from '../nlu/entities.js';

/** Parsers for the customer dialogs' free-text answers. Each returns the normalised value or undefined. */

const clean = (text: string) => text.normalize('NFKC').trim();

export function parseEmail(text: string): string | undefined {
  const t = clean(text);
  const found = extractEntities(t).find((e) => e.type === 'email')?.value;
  return found && /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(found) ? found.toLowerCase() : undefined;
}

export function parseDomain(text: string): string | undefined {
  const t = clean(text)
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/\.$/, '');
  if (/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/.test(t)) return t;
  return extractEntities(t).find((e) => e.type === 'domain')?.value;
}

/** Mainland mobile numbers in the usual ways of writing them: 138 1234 5678, 138-1234-5678, +86 / 0086 prefixes. */
export function parseMobile(text: string): string | undefined {
  const digits = clean(text)
    .replace(/[\s\-()（）]/g, '')
    .replace(/^(?:\+86|0086|86(?=1\d{10}$))/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/** The part before .partner.onmschina.cn: 1–27 letters, digits or hyphens. */
export function parseDomainPrefix(text: string): string | undefined {
  const t = clean(text)
    .toLowerCase()
    .replace(/\.partner\.onmschina\.cn$/, '');
  return /^[a-z0-9-]{1,27}$/.test(t) ? t : undefined;
}

/** A company or person name: some letters or Chinese characters, no markup. Kept as typed (full-width ，stays). */
export function parseName(text: string, min: number, max: number): string | undefined {
  const t = text.trim().replace(/\s+/g, ' ');
  const checked = clean(t);
  return t.length >= min && t.length <= max && /[\p{L}]/u.test(checked) && !/[<>{}[\]$\\]/.test(checked) ? t : undefined;
}

export function parseQuantity(text: string, max: number): number | undefined {
  const t = clean(text);
  const n = /^\d+$/.test(t) ? Number(t) : Number(extractEntities(t).find((e) => e.type === 'licenseCount')?.value ?? NaN);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CN_MONTH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };
const pad = (n: number) => String(n).padStart(2, '0');

/** A billing period ('YYYY-MM') named in text; a bare month means its latest occurrence up to `today` ('YYYY-MM-DD'). */
export function parsePeriod(text: string, today: string): string | undefined {
  const t = clean(text).toLowerCase();
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  const shift = (k: number) => {
    const i = ty * 12 + (tm - 1) + k;
    return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
  };
  if (/last month|previous month|上个?月|上月/.test(t)) return shift(-1);
  if (/this month|current month|本月|这个月/.test(t)) return shift(0);
  const full = /(20\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*月?/.exec(t);
  if (full && Number(full[2]) >= 1 && Number(full[2]) <= 12) return `${full[1]}-${pad(Number(full[2]))}`;
  let month: number | undefined;
  const cn = /(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月/.exec(t);
  if (cn) month = /^\d+$/.test(cn[1]!) ? Number(cn[1]) : CN_MONTH[cn[1]!];
  const en = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b(?:\s+(20\d{2}))?/.exec(t);
  if (en) {
    month = MONTHS.indexOf(en[1]!) + 1;
    if (en[2]) return `${en[2]}-${pad(month)}`;
  }
  if (month === undefined || month < 1 || month > 12) return undefined;
  return `${month <= tm ? ty : ty - 1}-${pad(month)}`;
}

/** An invoice number as the directory writes them (INV-202611-0101). */
export function findInvoiceNumber(text: string): string | undefined {
  return /\bINV-\d{6}-\d{3,6}\b/i.exec(clean(text))?.[0].toUpperCase();
}
