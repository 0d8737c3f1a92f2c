import type { Locale } from './locale.js';
import { reportEn } from './reportEn.js';
import { reportZhCN } from './reportZhCN.js';

/** The outcomes report: `npm run report` and the /desk/report page. */
export interface ReportMessages {
  readonly htmlLang: string;
  readonly title: string;
  period(from: string, to: string, days: number): string;
  readonly overall: string;
  languageName(locale: Locale): string;
  readonly conversations: string;
  readonly contained: string;
  readonly abandoned: string;
  readonly handoffs: string;
  readonly taken: string;
  readonly medianTake: string;
  readonly medianHandling: string;
  readonly csatAverage: string;
  readonly csatResponses: string;
  readonly csatDistribution: string;
  readonly topUnanswered: string;
  readonly noUnanswered: string;
  /** What "contained" and "abandoned" mean, in a sentence or two. */
  readonly definitions: string;
  /** Units of a duration, for the page's script too: "s", "min", "h" / 秒, 分, 小时. */
  readonly units: { readonly s: string; readonly min: string; readonly h: string };
  readonly tokenLabel: string;
  readonly daysLabel: string;
  readonly show: string;
  readonly wrongToken: string;
  readonly loadFailed: string;
  readonly chartOutcomes: string;
  readonly chartCsat: string;
  readonly noScript: string;
}

const CATALOG: Readonly<Record<Locale, ReportMessages>> = { 'zh-CN': reportZhCN, en: reportEn };

export function reportMessages(locale: Locale): ReportMessages {
  return CATALOG[locale];
}

/** "2 min 10 s" / "2 分 10 秒"; the page's script does the same with `units`. */
export function duration(seconds: number, units: ReportMessages['units']): string {
  if (seconds < 60) return `${Math.round(seconds)} ${units.s}`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} ${units.min} ${Math.round(seconds % 60)} ${units.s}`;
  return `${Math.floor(seconds / 3600)} ${units.h} ${Math.round((seconds % 3600) / 60)} ${units.min}`;
}
