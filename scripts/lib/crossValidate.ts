import { computeMetrics, type Metrics } from '../../bot/nlu/metrics.js';
import type { RecognizerResult } from '../../bot/nlu/types.js';
import type { TrainingUtterance } from '../../bot/nlu/utteranceFiles.js';

/** One held-out training utterance: its label, the model's best guess (no threshold) and that guess's score. */
export interface HeldOutPrediction {
  readonly gold: string;
  readonly top: string;
  readonly score: number;
  readonly lang: 'zh' | 'en';
}

/** Case, width and punctuation do not make two utterances different. */
export const normalizeUtterance = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Fold of an utterance from a hash of its normalised text, so copies of a phrase never sit on both sides. */
export function foldOf(text: string, folds: number): number {
  let h = 0x811c9dc5;
  const s = normalizeUtterance(text);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0) % folds;
}

/**
 * k-fold cross-validation on the training utterances alone: each fold is classified by a model
 * trained on the others. `train` must return a recognizer without a threshold (0), so the raw best
 * guess and its score are kept and any threshold can be applied afterwards.
 */
export function crossValidate(
  utterances: readonly TrainingUtterance[],
  train: (utterances: readonly TrainingUtterance[]) => { recognizeSync(text: string): RecognizerResult },
  folds = 5,
): HeldOutPrediction[] {
  const out: HeldOutPrediction[] = [];
  for (let k = 0; k < folds; k++) {
    const model = train(utterances.filter((u) => foldOf(u.text, folds) !== k));
    for (const u of utterances.filter((u) => foldOf(u.text, folds) === k)) {
      const r = model.recognizeSync(u.text);
      out.push({ gold: u.intent, top: r.intent, score: r.score, lang: u.locale === 'zh-CN' ? 'zh' : 'en' });
    }
  }
  return out;
}

export type LangMetrics = Metrics & { readonly oos: { readonly precision: number; readonly recall: number } };

/** Metrics per language when guesses scoring below `threshold` become out_of_scope. */
export function metricsAt(predictions: readonly HeldOutPrediction[], threshold: number): Record<'zh' | 'en', LangMetrics> {
  const at = (lang: 'zh' | 'en'): LangMetrics => {
    const rows = predictions
      .filter((p) => p.lang === lang)
      .map((p) => ({ gold: p.gold, predicted: p.score < threshold ? 'out_of_scope' : p.top }));
    const predicted = rows.filter((r) => r.predicted === 'out_of_scope');
    const gold = rows.filter((r) => r.gold === 'out_of_scope');
    const tp = predicted.filter((r) => r.gold === 'out_of_scope').length;
    return {
      ...computeMetrics(rows),
      oos: { precision: predicted.length ? tp / predicted.length : 0, recall: gold.length ? tp / gold.length : 0 },
    };
  };
  return { zh: at('zh'), en: at('en') };
}

/**
 * The threshold with the best mean macro-F1 over the two languages (out_of_scope is one of the
 * classes, so both wrongly rejected and wrongly accepted messages count). Ties go to the higher one.
 */
export function chooseThreshold(
  predictions: readonly HeldOutPrediction[],
  grid: readonly number[],
): { threshold: number; meanMacroF1: number } {
  let best = { threshold: grid[0] ?? 0, meanMacroF1: -1 };
  for (const threshold of grid) {
    const m = metricsAt(predictions, threshold);
    const mean = (m.zh.macroF1 + m.en.macroF1) / 2;
    if (mean >= best.meanMacroF1 - 1e-12) best = { threshold, meanMacroF1: mean };
  }
  return best;
}
