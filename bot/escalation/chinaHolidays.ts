/**
 * The State Council's published holiday schedule (放假调休安排), as wall dates in China. Source for 2026:
 * 国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025 (published by Xinhua and on www.gov.cn,
 * e.g. https://politics.gmw.cn/2025-11/04/content_38391083.htm). The 2027 schedule could not be
 * confirmed when this was written, so 2027 is not shipped: a reseller adds it to the directory's
 * `holidays` and `extraWorkdays` once the State Council publishes it.
 */
export interface HolidayCalendar {
  /** Days off, weekdays included (YYYY-MM-DD). */
  readonly holidays: readonly string[];
  /** Weekend days that are working days (调休上班). */
  readonly extraWorkdays: readonly string[];
}

/** Every date from `first` to `last` inclusive. */
function span(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1))
    out.push(d.toISOString().slice(0, 10));
  return out;
}

export const CHINA_HOLIDAYS: HolidayCalendar = {
  holidays: [
    ...span('2026-01-01', '2026-01-03'), // 元旦
    ...span('2026-02-15', '2026-02-23'), // 春节
    ...span('2026-04-04', '2026-04-06'), // 清明节
    ...span('2026-05-01', '2026-05-05'), // 劳动节
    ...span('2026-06-19', '2026-06-21'), // 端午节
    ...span('2026-09-25', '2026-09-27'), // 中秋节
    ...span('2026-10-01', '2026-10-07'), // 国庆节
  ],
  extraWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

/** The years the shipped default covers, for the docs and the desk's warning when a date falls outside them. */
export const CHINA_HOLIDAY_YEARS: readonly number[] = [2026];
