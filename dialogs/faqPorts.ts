import type { Locale } from '../bot/i18n/locale.js';
import type { ArticleView } from '../bot/cards/articleCard.js';

export type { FeedbackSink } from '../bot/knowledge/feedback.js';

/** An article as the FAQ dialog shows it, with the ids it links to. */
export interface FaqArticle extends ArticleView {
  readonly related: readonly string[];
  /** Set for imported documentation: its public page, for the card's "Source" link. */
  readonly imported?: { readonly url: string | null };
}

/** The part of an article that answers: a `##`/`###` section (headings from the `##` down), or a question-answer pair's answer. */
export interface FaqSection {
  readonly heading: string | null;
  readonly path: readonly string[];
  readonly text: string;
}

/** An answer: the article, and the section of it that matched (shown instead of the article when it is imported). */
export interface FaqHit {
  readonly article: FaqArticle;
  readonly score: number;
  readonly section?: FaqSection | null;
}

/** What the FAQ dialog needs from the knowledge base (adapted from bot/knowledge in the app wiring). */
export interface AnswerSource {
  /** `turn`: the turn's context, so that a question asked again in the same turn is not searched again. */
  best(question: string, locale: Locale, turn?: object): FaqHit | null;
  nextBest(question: string, locale: Locale, exclude: readonly string[]): FaqHit | null;
  /** The best few answers, best first, for a clarifying menu. */
  candidates?(question: string, locale: Locale, limit: number): FaqHit[];
  get(id: string, locale: Locale): FaqArticle | undefined;
  /** The confidence of the best candidate, even one too weak to answer with: kept with unanswered questions. */
  bestScore(question: string, locale: Locale, turn?: object): number;
  /** The passage of article `id` that a follow-up asks about ("how long does it take?"), or null when it is a new question. */
  followUp?(id: string, locale: Locale, question: string): FaqSection | null;
}
