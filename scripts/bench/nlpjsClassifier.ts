import { containerBootstrap, LangEn, Nlp } from '@nlpjs/basic';
import { LangZh } from '@nlpjs/lang-zh';
import { detectLang } from '../../bot/nlu/detectLang.js';
import type { TrainingUtterance } from '../../bot/nlu/utteranceFiles.js';

/**
 * NLP.js v4 trained on our utterance files: one neural model per language (en, zh), its default
 * rejection (intent "None" below its default threshold of 0.5), sentiment off since we do not use it.
 */
export class NlpjsClassifier {
  private constructor(private readonly nlp: Nlp) {}

  static async train(utterances: readonly TrainingUtterance[]): Promise<NlpjsClassifier> {
    const container = await containerBootstrap();
    container.use(LangEn);
    container.use(LangZh);
    const nlp = new Nlp({ autoSave: false, autoLoad: false, calculateSentiment: false, nlu: { log: false } }, container);
    nlp.addLanguage(['en', 'zh']);
    for (const u of utterances) nlp.addDocument(u.locale === 'zh-CN' ? 'zh' : 'en', u.text, u.intent);
    await nlp.train();
    return new NlpjsClassifier(nlp);
  }

  /** The language comes from our detector, as it does for our recognizer, so both see the same split. */
  async classify(text: string): Promise<string> {
    const r = await this.nlp.process(detectLang(text), text);
    return r.intent === 'None' ? 'out_of_scope' : r.intent;
  }
}
