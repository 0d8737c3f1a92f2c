import { expect } from 'chai';
import type { Intent } from '../../../bot/nlu/intents.js';
import type { RecognizerResult } from '../../../bot/nlu/types.js';
import type { TrainingUtterance } from '../../../bot/nlu/utteranceFiles.js';
import {
  chooseThreshold,
  crossValidate,
  foldOf,
  metricsAt,
  normalizeUtterance,
  type HeldOutPrediction,
} from '../../../scripts/lib/crossValidate.js';

const utterance = (text: string, intent: Intent, locale: 'en' | 'zh-CN' = 'en'): TrainingUtterance => ({ text, intent, locale });
const result = (intent: Intent, score: number): RecognizerResult => ({ intent, score, lang: 'en', alternatives: [], entities: [] });

describe('crossValidate (cv:nlu)', () => {
  it('puts copies of a phrase that differ only in case, width or punctuation into the same fold', () => {
    expect(normalizeUtterance('Ｈｅｌｌｏ,  BOT!!')).to.equal('hello bot');
    for (const folds of [2, 5, 7]) {
      expect(foldOf('Thanks, bye!', folds)).to.equal(foldOf('thanks bye', folds));
      expect(foldOf('谢谢，再见', folds)).to.equal(foldOf('谢谢 再见！', folds));
    }
    const used = new Set(Array.from({ length: 200 }, (_, i) => foldOf(`utterance number ${i}`, 5)));
    expect([...used].sort()).to.deep.equal([0, 1, 2, 3, 4]);
  });

  it('classifies every utterance once, by a model that never saw it (nor a copy of it)', () => {
    const data = [
      utterance('hi there', 'greeting'),
      utterance('Hi there!', 'greeting'),
      utterance('bye now', 'goodbye'),
      utterance('show my invoice', 'billing'),
      utterance('发票在哪', 'billing', 'zh-CN'),
      utterance('what is the weather', 'out_of_scope'),
    ];
    const seenBy: Array<Set<string>> = [];
    const predictions = crossValidate(
      data,
      (train) => {
        const seen = new Set(train.map((u) => normalizeUtterance(u.text)));
        seenBy.push(seen);
        return {
          recognizeSync: (text: string) => (expect(seen.has(normalizeUtterance(text)), text).to.equal(false), result('greeting', 0.9)),
        };
      },
      3,
    );
    expect(seenBy).to.have.length(3);
    expect(predictions.map((p) => p.gold).sort()).to.deep.equal(data.map((u) => u.intent).sort());
    expect(predictions.filter((p) => p.lang === 'zh')).to.have.length(1);
  });

  it('turns guesses below the threshold into out_of_scope, per language', () => {
    const predictions: HeldOutPrediction[] = [
      { gold: 'greeting', top: 'greeting', score: 0.9, lang: 'en' },
      { gold: 'out_of_scope', top: 'billing', score: 0.35, lang: 'en' },
      { gold: 'billing', top: 'billing', score: 0.45, lang: 'zh' },
    ];
    expect(metricsAt(predictions, 0.3).en.accuracy).to.equal(0.5);
    expect(metricsAt(predictions, 0.4).en).to.include({ accuracy: 1 });
    expect(metricsAt(predictions, 0.4).en.oos).to.deep.equal({ precision: 1, recall: 1 });
    expect(metricsAt(predictions, 0.5).zh.accuracy).to.equal(0);
  });

  it('chooses the threshold with the best mean macro-F1 of the two languages', () => {
    const predictions: HeldOutPrediction[] = [
      { gold: 'greeting', top: 'greeting', score: 0.8, lang: 'en' },
      { gold: 'out_of_scope', top: 'greeting', score: 0.4, lang: 'en' },
      { gold: 'billing', top: 'billing', score: 0.6, lang: 'zh' },
      { gold: 'out_of_scope', top: 'billing', score: 0.3, lang: 'zh' },
    ];
    // 0.5 rejects both off-topic guesses and keeps both right ones; 0.7 would reject a right one too.
    expect(chooseThreshold(predictions, [0.2, 0.5, 0.7])).to.deep.equal({ threshold: 0.5, meanMacroF1: 1 });
    expect(chooseThreshold(predictions, [0.2, 0.25]).threshold).to.equal(0.25);
  });
});
