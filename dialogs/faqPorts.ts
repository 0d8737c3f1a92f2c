import type { Locale } from '../bot/i18n/locale.js';
import type { ArticleView } from '../bot/cards/articleCard.js';

export type { FeedbackSink } from '../bot/knowledge/feedback.js';

/** An article as the FAQ dialog shows it, with the ids it links to. */
export interface FaqArticle extends ArticleView {
  readonly related: readonly string[];
}

/** What the FAQ dialog needs from the knowledge base (adapted from bot/knowledge in the app wiring). */
export interface AnswerSource {
  /** `turn`: the turn's context, so that a question asked again in the same turn is not searched again. */
  best(question: string, locale: Locale, turn?: object): { article: FaqArticle; score: number } | null;
  nextBest(question: string, locale: Locale, exclude: readonly string[]): { article: FaqArticle; score: number } | null;
  get(id: string, locale: Locale): FaqArticle | undefined;
  /** The confidence of the best candidate, even one too weak to answer with: kept with unanswered questions. */
  bestScore(question: string, locale: Locale, turn?: object): number;
}
