// npm run --silent eval:nlu -- FILE... [--json]
// Evaluates the configured recognizer on JSON Lines files with `text` and `intent` (and optionally `lang`).
import { loadConfig, readEnvironment } from '../bot/config.js';
import { createLogger } from '../bot/log.js';
import { createRecognizer } from '../bot/nlu/createRecognizer.js';
import { computeMetrics, type Metrics } from '../bot/nlu/metrics.js';
import { readLabelledUtterances } from './lib/labelledUtterances.js';
import { formatNluReport } from './lib/nluReport.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent eval:nlu -- FILE.jsonl... [--json]\n');
  process.exit(2);
}

const config = loadConfig(readEnvironment());
const recognizer = await createRecognizer(
  config,
  createLogger('error', (l) => process.stderr.write(l + '\n')),
);
const rows: Array<{ gold: string; predicted: string; lang: 'zh' | 'en' }> = [];
for (const item of await readLabelledUtterances(files, (line) => process.stderr.write(line + '\n'))) {
  const result = await recognizer.recognize(item.text, item.lang === 'zh' ? 'zh-CN' : 'en');
  rows.push({ gold: item.intent, predicted: result.intent, lang: item.lang });
}

const oos = (pairs: typeof rows) => {
  const predicted = pairs.filter((p) => p.predicted === 'out_of_scope');
  const gold = pairs.filter((p) => p.gold === 'out_of_scope');
  const tp = predicted.filter((p) => p.gold === 'out_of_scope').length;
  return { precision: predicted.length ? tp / predicted.length : 0, recall: gold.length ? tp / gold.length : 0, support: gold.length };
};
const report: { overall: Metrics & { oos: ReturnType<typeof oos> }; byLang: Record<string, Metrics & { oos: ReturnType<typeof oos> }> } = {
  overall: { ...computeMetrics(rows), oos: oos(rows) },
  byLang: {},
};
for (const lang of ['zh', 'en'] as const) {
  const slice = rows.filter((r) => r.lang === lang);
  if (slice.length > 0) report.byLang[lang] = { ...computeMetrics(slice), oos: oos(slice) };
}
process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatNluReport(report));
