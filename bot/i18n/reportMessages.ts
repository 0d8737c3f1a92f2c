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
  duration(seconds: number): string;
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
