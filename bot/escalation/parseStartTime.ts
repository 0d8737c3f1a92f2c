import { CHINA_TIME_ZONE } from '../directory/format.js';
import { CHINESE_DIGITS } from '../text/chineseNumerals.js';

const CN_NUM: Readonly<Record<string, number>> = { ...CHINESE_DIGITS, 十: 10, 十一: 11, 十二: 12, 半: 0.5 };
const HOUR = 3_600_000;
const OFFSET = 8 * HOUR; // China time has no daylight saving

/** Y-M-D of an instant in China time. */
function chinaDate(at: number): { y: number; m: number; d: number } {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day) };
}

const instant = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - OFFSET;

const EN_NUM: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  'half a': 0.5,
  'half an': 0.5,
  'a couple of': 2,
  'a few': 3,
  few: 3,
};

function number(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (CN_NUM[s] ?? EN_NUM[s] ?? NaN);
}

/** "9:30", "14点", "下午3点半", "3pm": hour and minute of the day, or undefined when no time is given. */
function timeOfDay(t: string): { h: number; min: number } | undefined {
  const colon = /(\d{1,2})[:：](\d{2})/.exec(t);
  let h: number | undefined;
  let min = 0;
  if (colon) {
    h = Number(colon[1]);
    min = Number(colon[2]);
  } else {
    const cn = /(\d{1,2}|十[一二]?|[一二两三四五六七八九十])\s*[点點时]\s*(半|\d{1,2}\s*分?)?/.exec(t);
    // "3pm", or "around 3" / "at 3 o'clock" when the part of the day is said ("yesterday afternoon around 3").
    const en =
      /\b(\d{1,2})\s*(am|pm)\b/.exec(t) ??
      /\b(?:at|around|about|after|before|by)\s+(\d{1,2})(?:\s*o'?clock)?\b(?![:\d])/.exec(t) ??
      /\b(\d{1,2})\s*o'?clock\b/.exec(t);
    if (cn) {
      h = number(cn[1]!);
      min = cn[2] === '半' ? 30 : cn[2] ? parseInt(cn[2], 10) : 0;
    } else if (en) {
      h = Number(en[1]) % 12;
      if (en[2] === 'pm') h += 12;
    }
  }
  if (h === undefined || Number.isNaN(h)) return undefined;
  if (/下午|晚上|傍晚|\bpm\b|evening|afternoon|tonight/.test(t) && h < 12) h += 12;
  if (h > 23 || min > 59) return undefined;
  return { h, min };
}

/**
 * When a problem started, from what customers type: "just now", "2 hours ago", "today 9:30",
 * "昨天下午3点", "2026-11-23 14:00", "14:00". China time. Undefined for anything unreadable, in the future,
 * or more than a year back.
 */
export function parseStartTime(text: string, now: Date): string | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  const n = now.getTime();
  let at: number | undefined;
  // "2 hours ago", "an hour ago", "half an hour ago", "a few minutes ago", 「半个小时前」.
  const ago =
    /(?<![a-z])(\d+|[一二两三四五六七八九十半]|half an?|an?|one|two|three|a couple of|a few|few)\s*(?:个)?\s*(minutes?|mins?|分钟|hours?|hrs?|小时|days?|天)\s*(?:ago|前|之前|以前)/.exec(
      t,
    );
  const today = chinaDate(n);
  const time = timeOfDay(t);
  const full = /(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(t);
  const monthDay = /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(t);
  if (/^(?:just now|now|right now|刚才|刚刚|现在|就在刚才)$/.test(t)) at = n;
  else if (ago) {
    const k = number(ago[1]!);
    const unit = ago[2]!;
    at = n - k * (/^(?:m|分)/.test(unit) ? 60_000 : /^(?:h|小)/.test(unit) ? HOUR : 24 * HOUR);
  } else if (full) at = instant(Number(full[1]), Number(full[2]), Number(full[3]), time?.h, time?.min);
  else if (monthDay) {
    at = instant(today.y, Number(monthDay[1]), Number(monthDay[2]), time?.h, time?.min);
    if (at > n) at = instant(today.y - 1, Number(monthDay[1]), Number(monthDay[2]), time?.h, time?.min);
  } else if (/day before yesterday|前天|前日/.test(t)) {
    const d = chinaDate(n - (/大前天/.test(t) ? 3 : 2) * 24 * HOUR);
    at = instant(d.y, d.m, d.d, time?.h ?? 0, time?.min);
  } else if (/yesterday|昨天|昨晚|昨日/.test(t)) {
    const y = chinaDate(n - 24 * HOUR);
    at = instant(y.y, y.m, y.d, time?.h ?? (/昨晚/.test(t) ? 20 : 0), time?.min);
  } else if (/today|this morning|this afternoon|tonight|今天|今早|今晚|上午|下午|早上|中午/.test(t) || time) {
    at = instant(today.y, today.m, today.d, time?.h ?? (/this morning|今早|早上|上午/.test(t) ? 8 : 0), time?.min);
    // A bare time later than now means yesterday ("23:00" typed at 01:00).
    if (time && at > n && !/today|今天/.test(t)) at -= 24 * HOUR;
  }
  if (at === undefined || Number.isNaN(at) || at > n + 5 * 60_000 || at < n - 366 * 24 * HOUR) return undefined;
  return new Date(at).toISOString();
}
