import type { Lang } from '../../../bot/nlu/types.js';
import type { ScenarioResult, TurnFailure } from './runConversations.js';
import { AREAS, REPAIR_CLASSES } from './scenario.js';

export interface Rate {
  readonly passed: number;
  readonly total: number;
  /** passed / total, 0 when there is nothing to count. */
  readonly rate: number;
}

export interface Report {
  readonly overall: Rate & { readonly skipped: number };
  readonly byLang: Readonly<Record<Lang, Rate>>;
  /** A scenario counts for each of its classes. */
  readonly byClass: Readonly<Record<string, Rate>>;
  readonly byArea: Readonly<Record<string, Rate>>;
  /** Scenarios not played because articles they require are missing; counted in no rate. */
  readonly skipped: ReadonlyArray<{ readonly id: string; readonly missing: readonly string[] }>;
  readonly scenarios: ReadonlyArray<{
    readonly id: string;
    readonly lang: Lang;
    readonly area: string;
    readonly classes: readonly string[];
    readonly passed: boolean;
    readonly failures: readonly TurnFailure[];
  }>;
}

function rate(results: readonly ScenarioResult[]): Rate {
  const passed = results.filter((r) => r.passed).length;
  return { passed, total: results.length, rate: results.length === 0 ? 0 : passed / results.length };
}

type Keys = (r: ScenarioResult) => readonly string[];

function grouped(results: readonly ScenarioResult[], keys: readonly string[], of: Keys): Record<string, Rate> {
  const out: Record<string, Rate> = {};
  for (const k of keys) {
    const group = results.filter((r) => of(r).includes(k));
    if (group.length > 0) out[k] = rate(group);
  }
  return out;
}

export function summarise(results: readonly ScenarioResult[]): Report {
  const played = results.filter((r) => !r.missing);
  return {
    overall: { ...rate(played), skipped: results.length - played.length },
    byLang: { zh: rate(played.filter((r) => r.lang === 'zh')), en: rate(played.filter((r) => r.lang === 'en')) },
    byClass: grouped(played, REPAIR_CLASSES, (r) => r.classes),
    byArea: grouped(played, AREAS, (r) => [r.area]),
    skipped: results.filter((r) => r.missing).map((r) => ({ id: r.id, missing: r.missing! })),
    scenarios: played.map(({ id, lang, area, classes, passed, failures }) => ({ id, lang, area, classes, passed, failures })),
  };
}

const pct = (r: Rate) => `${String(r.passed).padStart(3)}/${String(r.total).padEnd(3)} ${(r.rate * 100).toFixed(1).padStart(5)}%`;
const table = (rows: Record<string, Rate>, width: number) => Object.entries(rows).map(([k, r]) => `  ${k.padEnd(width)} ${pct(r)}`);
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s*\n\s*/g, ' ⏎ ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
};

function failureLine(f: TurnFailure, verbose: boolean): string[] {
  const head = `    turn ${f.turn} «${f.said}»: ${f.check}: expected ${f.expected}`;
  return verbose ? [head, `      bot: ${oneLine(f.got, 600) || '(nothing)'}`] : [head];
}

/** The report as text: rates per language, class and area, then each failing scenario (all its failures with --verbose). */
export function formatReport(report: Report, verbose = false): string {
  const lines = [
    `Conversation corpus: ${report.overall.total} scenarios played${report.overall.skipped ? `, ${report.overall.skipped} skipped` : ''}`,
    `  ${'overall'.padEnd(16)} ${pct(report.overall)}`,
    ...table(report.byLang, 16),
    '',
    'By repair class (a scenario counts for each of its classes):',
    ...table(report.byClass, 16),
    '',
    'By area:',
    ...table(report.byArea, 16),
  ];
  if (report.skipped.length > 0) {
    lines.push('', 'Skipped (articles not in the knowledge base yet):', ...report.skipped.map((s) => `  ${s.id}: ${s.missing.join(', ')}`));
  }
  const failing = report.scenarios.filter((s) => !s.passed);
  if (failing.length > 0) {
    lines.push('', `Failing scenarios (${failing.length}):`);
    for (const s of failing) {
      lines.push(`  ${s.id} [${s.lang}; ${s.classes.join(', ')}]`);
      for (const f of verbose ? s.failures : s.failures.slice(0, 1)) lines.push(...failureLine(f, verbose));
      if (!verbose && s.failures.length > 1) lines.push(`    (+${s.failures.length - 1} more; --verbose shows them and what the bot said)`);
    }
  }
  return lines.join('\n') + '\n';
}

/** One scenario as played, turn by turn. */
export function formatTranscript(r: ScenarioResult): string {
  const turns = r.transcript.map((t, i) => `  ${i + 1}. «${t.said}»\n     bot: ${oneLine(t.got, 900) || '(nothing)'}`);
  return `\n${r.passed ? 'PASS' : 'FAIL'} ${r.id}\n${turns.join('\n')}\n`;
}
