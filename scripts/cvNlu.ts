// npm run --silent cv:nlu [-- --folds 5]
// k-fold cross-validation of the embedded recognizer on knowledge/intents alone (no evaluation data):
// per-language figures at the current threshold, a threshold sweep and the threshold it would choose.
import { join } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { DEFAULT_THRESHOLD, LocalRecognizer } from '../bot/nlu/localRecognizer.js';
import { loadUtterances } from '../bot/nlu/utteranceFiles.js';
import { chooseThreshold, crossValidate, metricsAt, type LangMetrics } from './lib/crossValidate.js';

const args = process.argv.slice(2);
const at = args.indexOf('--folds');
const folds = at >= 0 ? Number(args[at + 1]) : 5;
if (!Number.isInteger(folds) || folds < 2) {
  process.stderr.write('usage: npm run --silent cv:nlu -- [--folds N] (N >= 2)\n');
  process.exit(2);
}

const config = loadConfig(readEnvironment());
const utterances = await loadUtterances(join(config.knowledgeDir, 'intents'));
const predictions = crossValidate(utterances, (train) => LocalRecognizer.train(train, { threshold: 0 }), folds);

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const line = (lang: string, m: LangMetrics) =>
  `${lang}: accuracy ${pct(m.accuracy)}  macro-F1 ${pct(m.macroF1)}  ` +
  `out-of-scope precision ${pct(m.oos.precision)} recall ${pct(m.oos.recall)}`;
const show = (threshold: number) => {
  const m = metricsAt(predictions, threshold);
  return `threshold ${threshold.toFixed(2)}  ${line('zh', m.zh)}   ${line('en', m.en)}`;
};

const grid = Array.from({ length: 13 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);
const best = chooseThreshold(predictions, grid);
const current = metricsAt(predictions, DEFAULT_THRESHOLD);
const out = [
  `${folds}-fold cross-validation on ${utterances.length} training utterances (folds by normalised text)`,
  '',
  `current ${show(DEFAULT_THRESHOLD)}`,
];
for (const lang of ['zh', 'en'] as const) {
  out.push(
    `  ${lang} recall by intent: ${current[lang].perLabel
      .filter((l) => l.support > 0)
      .map((l) => `${l.label} ${pct(l.recall)}`)
      .join(', ')}`,
  );
}
out.push('', ...grid.map(show), '', `best mean macro-F1 ${pct(best.meanMacroF1)} at threshold ${best.threshold.toFixed(2)}`);
process.stdout.write(out.join('\n') + '\n');
