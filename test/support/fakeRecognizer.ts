import { detectLang } from '../../bot/nlu/detectLang.js';
import type { Intent } from '../../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult } from '../../bot/nlu/types.js';

/** A recognizer with fixed answers, so dialog tests do not depend on the trained model. */
export class FakeRecognizer implements Recognizer {
  readonly seen: string[] = [];
  constructor(private readonly rules: ReadonlyArray<readonly [RegExp, Intent]> = DEFAULT_RULES) {}

  async recognize(text: string): Promise<RecognizerResult> {
    this.seen.push(text);
    const intent = this.rules.find(([re]) => re.test(text))?.[1] ?? 'out_of_scope';
    return { intent, score: intent === 'out_of_scope' ? 0.2 : 0.9, lang: detectLang(text), alternatives: [], entities: [] };
  }
}

export const DEFAULT_RULES: ReadonlyArray<readonly [RegExp, Intent]> = [
  [/^(hi|hello|你好|您好)/i, 'greeting'],
  [/thank|谢谢/i, 'thanks'],
  [/bye|再见/i, 'goodbye'],
  [/invoice|发票|账单/i, 'billing'],
  [/outlook|怎么|how do/i, 'howto_faq'],
];
