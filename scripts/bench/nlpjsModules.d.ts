// The few NLP.js v4 entry points the benchmark uses; the packages ship no type declarations.
declare module '@nlpjs/basic' {
  export interface NlpResult {
    readonly intent: string;
    readonly score: number;
    readonly locale: string;
  }
  export interface NlpSettings {
    autoSave?: boolean;
    autoLoad?: boolean;
    calculateSentiment?: boolean;
    threshold?: number;
    nlu?: { log?: boolean };
  }
  export class Nlp {
    constructor(settings: NlpSettings, container: Container);
    readonly settings: NlpSettings;
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpResult>;
  }
  export interface Container {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Promise<Container>;
  export const LangEn: unknown;
}

declare module '@nlpjs/lang-zh' {
  export const LangZh: unknown;
}
