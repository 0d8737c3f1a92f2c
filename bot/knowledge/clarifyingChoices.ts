import type { Article } from './article.js';
import { searchWords } from './searchTerms.js';

/** Articles offered in a clarifying menu, at most. */
const MAX_CHOICES = 3;
/** A hit this weak is not worth offering. */
const MIN_CONFIDENCE = 0.15;
/** The best hit wins outright, with no menu, when it is this sure and this far ahead of the next. */
const CLEAR_WIN = 0.6;
const CLEAR_LEAD = 0.15;

/** "That thing", 「那个」: the customer knows what they mean but has not said it. */
const VAGUE_POINTER = /那个|这个|那些|这些|\bthat (?:thing|one)\b|\bthe thing\b|\bstuff\b/i;

/** A message that names a topic and little else: "password", "outlook", 「teams 那个怎么弄」. */
export function isVague(question: string): boolean {
  if (question.trim().length > 24) return false;
  const words = new Set(searchWords(question)).size;
  return words <= 1 || (words <= 2 && VAGUE_POINTER.test(question));
}

/**
 * The 2–3 articles a vague message most likely means, when none clearly wins; empty otherwise (the
 * message is specific, or one article is the answer).
 */
/** A candidate answer: the article, and how sure the search is of it (0..1). */
export interface Candidate {
  readonly article: Pick<Article, 'id' | 'title'>;
  readonly score: number;
}

export function clarifyingChoices(question: string, search: (limit: number) => readonly Candidate[]): Array<{ id: string; title: string }> {
  if (!isVague(question)) return [];
  const hits = search(MAX_CHOICES).filter((h) => h.score >= MIN_CONFIDENCE);
  const [first, second] = hits;
  if (!first || !second || (first.score >= CLEAR_WIN && first.score - second.score >= CLEAR_LEAD)) return [];
  return hits.map((h) => ({ id: h.article.id, title: h.article.title }));
}
