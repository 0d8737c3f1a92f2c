import { detectLang } from './detectLang.js';
import { extractEntities } from './entities.js';
import { understood } from '../text/understood.js';
import { featurize } from './features.js';
import { INTENTS, type Intent } from './intents.js';
import { LinearModel, type SavedLinearModel, type TrainingOptions } from './linearModel.js';
import { decodeModel, modelKey } from './savedModel.js';
import { MODEL_FILE, readCacheBytes } from '../startupCache.js';
import type { Recognizer, RecognizerResult, ScoredIntent } from './types.js';
import { loadUtterances, type TrainingUtterance } from './utteranceFiles.js';

/**
 * Below this probability the best guess is not trusted and the answer is out_of_scope. Chosen by
 * `npm run cv:nlu` (cross-validation on knowledge/intents alone): the best mean macro-F1 of zh and en.
 */
export const DEFAULT_THRESHOLD = 0.25;

/**
 * The embedded recognizer: a linear classifier over word and character n-grams, trained at start-up
 * from knowledge/intents. out_of_scope is both a trained class and what low confidence falls back to.
 */
export class LocalRecognizer implements Recognizer {
  private constructor(
    private readonly model: LinearModel,
    readonly threshold: number,
  ) {}

  static train(utterances: readonly TrainingUtterance[], options: TrainingOptions & { threshold?: number } = {}): LocalRecognizer {
    const classes = [...INTENTS];
    const examples = utterances.map((u) => ({ x: featurize(u.text), y: classes.indexOf(u.intent) }));
    return new LocalRecognizer(LinearModel.train(examples, classes, options), options.threshold ?? DEFAULT_THRESHOLD);
  }

  /** Trained from `dir`, or restored from `cacheDir` when the model saved there was trained from the same files by the same code. */
  static async fromDirectory(dir: string, options: { threshold?: number; cacheDir?: string } = {}): Promise<LocalRecognizer> {
    const bytes = options.cacheDir ? await readCacheBytes(options.cacheDir, MODEL_FILE) : undefined;
    const saved = bytes ? decodeModel(bytes, await modelKey(dir)) : undefined;
    if (saved) return new LocalRecognizer(LinearModel.restore(saved), options.threshold ?? DEFAULT_THRESHOLD);
    return LocalRecognizer.train(await loadUtterances(dir), options);
  }

  /** The trained arrays, for the start-up cache. */
  saveModel(): SavedLinearModel {
    return this.model.save();
  }

  recognizeSync(message: string): RecognizerResult {
    const text = understood(message);
    const probs = this.model.predict(featurize(text));
    const ranked: ScoredIntent[] = this.model.classes
      .map((intent, i) => ({ intent: intent as Intent, score: probs[i]! }))
      .sort((a, b) => b.score - a.score);
    const top = ranked[0]!;
    const intent: Intent = top.score < this.threshold || text.trim() === '' ? 'out_of_scope' : top.intent;
    return {
      intent,
      score: intent === top.intent ? top.score : 1 - top.score,
      lang: detectLang(text),
      alternatives: ranked.filter((r) => r.intent !== intent).slice(0, 3),
      entities: extractEntities(text),
    };
  }

  async recognize(text: string): Promise<RecognizerResult> {
    return this.recognizeSync(text);
  }
}
