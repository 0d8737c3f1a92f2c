import { INTENTS } from '../../bot/nlu/intents.js';
import type { TrainingUtterance } from '../../bot/nlu/utteranceFiles.js';

/** CLU language codes (Language support: Chinese (Simplified) zh-hans, English (US) en-us). */
export const CLU_LANGUAGE = { 'zh-CN': 'zh-hans', en: 'en-us' } as const;
type CluLanguage = (typeof CLU_LANGUAGE)[keyof typeof CLU_LANGUAGE];

/** The Language Studio "import project" file, authoring API 2023-04-01, for a Conversation project. */
export interface CluProjectFile {
  readonly projectFileVersion: '2023-04-01';
  readonly stringIndexType: 'Utf16CodeUnit';
  readonly metadata: {
    readonly projectKind: 'Conversation';
    readonly projectName: string;
    readonly multilingual: true;
    readonly description: string;
    readonly language: CluLanguage;
    readonly settings: { readonly confidenceThreshold: number };
  };
  readonly assets: {
    readonly projectKind: 'Conversation';
    readonly intents: ReadonlyArray<{ readonly category: string }>;
    readonly entities: readonly never[];
    readonly utterances: ReadonlyArray<{
      readonly text: string;
      readonly intent: string;
      readonly language: CluLanguage;
      readonly dataset: 'Train';
    }>;
  };
}

/**
 * Builds the project from the same utterances the embedded recognizer trains on. Intent names are
 * our labels, so the runtime mapping is the identity (CLU's own "None" becomes out_of_scope).
 * No CLU entities: the bot extracts entities itself. Every utterance is training data; CLU's
 * training job can split off a test share on its own.
 */
export function buildCluProject(utterances: readonly TrainingUtterance[], projectName: string): CluProjectFile {
  const zh = utterances.filter((u) => u.locale === 'zh-CN').length;
  return {
    projectFileVersion: '2023-04-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Conversation',
      projectName,
      multilingual: true,
      description: 'CSP support bot intents (zh-CN and en), exported from knowledge/intents',
      // "The language of most of the utterances" for a multilingual project.
      language: zh >= utterances.length - zh ? 'zh-hans' : 'en-us',
      // out_of_scope is a trained intent; a CLU-side threshold would only add a second "None".
      settings: { confidenceThreshold: 0 },
    },
    assets: {
      projectKind: 'Conversation',
      intents: INTENTS.map((category) => ({ category })),
      entities: [],
      utterances: utterances.map((u) => ({ text: u.text, intent: u.intent, language: CLU_LANGUAGE[u.locale], dataset: 'Train' as const })),
    },
  };
}
