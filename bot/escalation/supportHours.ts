import type { Reseller } from '../directory/types.js';
import { CHINA_HOLIDAYS, type HolidayCalendar } from './chinaHolidays.js';

/** Whether the reseller's team is at work now, and when it next starts (an instant). */
export interface SupportWindow {
  readonly open: boolean;
  /** The next opening when closed; absent when open. */
  readonly nextOpen?: Date;
}

interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number; // 0 = Sunday
  readonly minutes: number; // since midnight
}

const WEEKDAY: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallTime(at: Date, timeZone: string): WallTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAY[parts.weekday!] ?? 0,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + (m ?? 0);
};

/** The instant of a wall-clock time in `timeZone` (two passes settle any DST shift). */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const target = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const w = wallTime(new Date(guess), timeZone);
    const seen = Date.UTC(w.year, w.month - 1, w.day, Math.floor(w.minutes / 60), w.minutes % 60);
    guess += target - seen;
  }
  return new Date(guess);
}

/** How far ahead the next opening is looked for: the longest holiday with its weekends fits many times over. */
const LOOK_AHEAD_DAYS = 60;

const isoDate = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Whether the team works on a wall date: the reseller's own `extraWorkdays` and `holidays` first, then the
 * State Council's schedule (a make-up working day works even on a weekend), then the weekly `days`.
 */
export function isWorkday(
  reseller: Pick<Reseller, 'supportHours' | 'holidays' | 'extraWorkdays'>,
  date: string,
  weekday: number,
  calendar: HolidayCalendar = CHINA_HOLIDAYS,
): boolean {
  if (reseller.extraWorkdays?.includes(date)) return true;
  if (reseller.holidays?.includes(date)) return false;
  if (calendar.extraWorkdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  return reseller.supportHours.days.includes(weekday);
}

/**
 * The support window for `now`: working days (see isWorkday: China's public holidays and make-up working
 * days, and the reseller's own) from start to end in the reseller's time zone.
 */
export function supportWindow(
  reseller: Pick<Reseller, 'supportHours' | 'timeZone' | 'holidays' | 'extraWorkdays'>,
  now: Date,
  calendar: HolidayCalendar = CHINA_HOLIDAYS,
): SupportWindow {
  const { start, end } = reseller.supportHours;
  const tz = reseller.timeZone || 'Asia/Shanghai';
  const from = toMinutes(start);
  const to = toMinutes(end);
  const w = wallTime(now, tz);
  const works = (d: Date) => isWorkday(reseller, isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), d.getUTCDay(), calendar);
  // Calendar arithmetic on the wall date in UTC, so month ends roll over correctly.
  const day = (ahead: number) => new Date(Date.UTC(w.year, w.month - 1, w.day + ahead));
  if (works(day(0)) && w.minutes >= from && w.minutes < to) return { open: true };
  for (let ahead = 0; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const d = day(ahead);
    if (!works(d) || (ahead === 0 && w.minutes >= from)) continue;
    return { open: false, nextOpen: instantOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), from, tz) };
  }
  return { open: false }; // no working days configured
}

/** "Mon 25 Nov, 09:00" / "11月25日周一 09:00" in the reseller's time zone. */
export function formatOpening(at: Date, locale: 'zh-CN' | 'en', timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}
