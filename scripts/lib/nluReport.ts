import type { Metrics } from '../../bot/nlu/metrics.js';

type Section = Metrics & { oos: { precision: number; recall: number; support: number } };

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

function section(title: string, m: Section): string[] {
  const lines = [
    `== ${title} (${m.count} utterances)`,
    `accuracy ${pct(m.accuracy)}   macro-F1 ${pct(m.macroF1)}   ` +
      `out-of-scope precision ${pct(m.oos.precision)} recall ${pct(m.oos.recall)} (n=${m.oos.support})`,
    `${'intent'.padEnd(16)}${'precision'.padStart(10)}${'recall'.padStart(9)}${'F1'.padStart(8)}${'n'.padStart(6)}`,
  ];
  for (const l of m.perLabel) {
    lines.push(
      `${l.label.padEnd(16)}${pct(l.precision).padStart(10)}${pct(l.recall).padStart(9)}` +
        `${pct(l.f1).padStart(8)}${String(l.support).padStart(6)}`,
    );
  }
  return lines;
}

function confusion(m: Metrics): string[] {
  const labels = m.perLabel.map((l) => l.label);
  const short = (l: string) => l.slice(0, 7);
  const lines = ['confusion (rows: expected, columns: predicted)', `${''.padEnd(16)}${labels.map((l) => short(l).padStart(8)).join('')}`];
  for (const gold of labels) {
    lines.push(`${gold.padEnd(16)}${labels.map((p) => String(m.confusion[gold]?.[p] ?? 0).padStart(8)).join('')}`);
  }
  return lines;
}

export function formatNluReport(report: { overall: Section; byLang: Record<string, Section> }): string {
  const out = [...section('overall', report.overall)];
  for (const [lang, m] of Object.entries(report.byLang)) out.push('', ...section(lang, m));
  out.push('', ...confusion(report.overall));
  return out.join('\n') + '\n';
}
