import { detectLang } from '../../bot/nlu/detectLang.js';
import type { Intent } from '../../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult, ScoredIntent } from '../../bot/nlu/types.js';

export type FakeRule = readonly [RegExp, Intent] | readonly [RegExp, Intent, { score: number; alternatives: ScoredIntent[] }];

/** A recognizer with fixed answers, so dialog tests do not depend on the trained model. */
export class FakeRecognizer implements Recognizer {
  readonly seen: string[] = [];
  constructor(private readonly rules: readonly FakeRule[] = DEFAULT_RULES) {}

  async recognize(text: string): Promise<RecognizerResult> {
    this.seen.push(text);
    const rule = this.rules.find(([re]) => re.test(text));
    const intent = rule?.[1] ?? 'out_of_scope';
    const fixed = rule?.[2];
    return {
      intent,
      score: fixed?.score ?? (intent === 'out_of_scope' ? 0.2 : 0.9),
      lang: detectLang(text),
      alternatives: fixed?.alternatives ?? [],
      entities: [],
    };
  }
}

export const DEFAULT_RULES: readonly FakeRule[] = [
  [/license.*bill|许可证.*账单/i, 'subscription', { score: 0.46, alternatives: [{ intent: 'billing', score: 0.41 }] }],
  [/^(hi|hello|你好|您好)/i, 'greeting'],
  [/thank|谢谢/i, 'thanks'],
  [/bye|再见/i, 'goodbye'],
  [/invoice|发票|账单/i, 'billing'],
  [/outlook|怎么|how do/i, 'howto_faq'],
];
