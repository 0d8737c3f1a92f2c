import { LOCALES } from '../i18n/locale.js';
import { duration, reportMessages } from '../i18n/reportMessages.js';
import type { OutcomeFigures, OutcomeReport } from './outcomeReport.js';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** The report as a terminal table (English labels from the catalog); questions are the customers' words. */
export function formatReport(report: OutcomeReport): string {
  const m = reportMessages('en');
  const columns: Array<[string, OutcomeFigures]> = [
    [m.overall, report.overall],
    ...LOCALES.map((l): [string, OutcomeFigures] => [m.languageName(l), report.languages[l]]),
  ];
  const pct = (f: OutcomeFigures) => (f.containedRate === null ? '' : ` (${Math.round(f.containedRate * 100)}%)`);
  const time = (s: number | null) => (s === null ? '–' : duration(s, m.units));
  const rows: Array<[string, (f: OutcomeFigures) => string]> = [
    [m.conversations, (f) => String(f.conversations)],
    [m.contained, (f) => `${f.contained}${pct(f)}`],
    [m.abandoned, (f) => String(f.abandoned)],
    [m.handoffs, (f) => String(f.handoffs)],
    [m.taken, (f) => String(f.taken)],
    [m.medianTake, (f) => time(f.medianTimeToTakeSeconds)],
    [m.medianHandling, (f) => time(f.medianHandlingSeconds)],
    [m.csatAverage, (f) => (f.csat.average === null ? '–' : `${f.csat.average.toFixed(2)}`)],
    [m.csatResponses, (f) => String(f.csat.responses)],
    [m.csatDistribution, (f) => RATINGS.map((r) => f.csat.distribution[r]).join('/')],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [
    `${m.title}: ${m.period(report.from, report.to, report.days)}`,
    '',
    `${''.padEnd(width)}${columns.map(([name]) => name.padStart(18)).join('')}`,
    ...rows.map(([label, value]) => `${label.padEnd(width)}${columns.map(([, f]) => value(f).padStart(18)).join('')}`),
  ];
  for (const [name, f] of columns) {
    lines.push('', `${m.topUnanswered} (${name}):`);
    if (f.topUnanswered.length === 0) lines.push(`  ${m.noUnanswered}`);
    for (const q of f.topUnanswered) lines.push(`  ${String(q.count).padStart(3)}×  ${q.question.replace(/\s+/gu, ' ')}`);
  }
  lines.push('', m.definitions);
  return lines.join('\n');
}
