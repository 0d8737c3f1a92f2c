import type { Intent } from './intents.js';

/** Language of an utterance as the recognizer reports it. */
export type Lang = 'zh' | 'en';

export type EntityType = 'ticketId' | 'email' | 'phone' | 'domain' | 'service' | 'licenseCount';

export interface Entity {
  readonly type: EntityType;
  /** Normalised value, e.g. `T-1024`, `exchange`, `10`. */
  readonly value: string;
  /** The text as the user wrote it. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ScoredIntent {
  readonly intent: Intent;
  readonly score: number;
}

export interface RecognizerResult {
  readonly intent: Intent;
  /** Calibrated confidence in [0, 1]. */
  readonly score: number;
  readonly lang: Lang;
  /** Runner-up intents, best first, excluding `intent`. */
  readonly alternatives: readonly ScoredIntent[];
  readonly entities: readonly Entity[];
}

/** Anything that turns an utterance into an intent. No botbuilder types here on purpose. */
export interface Recognizer {
  recognize(text: string, locale?: string): Promise<RecognizerResult>;
}
