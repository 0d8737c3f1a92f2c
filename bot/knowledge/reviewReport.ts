import { searchWords } from './searchTerms.js';
import type { FeedbackFile } from './feedback.js';

export interface QuestionGroup {
  readonly example: string;
  readonly questions: readonly string[];
  readonly locales: readonly string[];
  /** The best article confidence any of them reached: near misses want a phrasing, zeros an article. */
  readonly bestScore: number;
}

export interface ArticleRating {
  readonly articleId: string;
  readonly helpful: number;
  readonly notHelpful: number;
  readonly helpfulRate: number;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Unanswered questions grouped by shared search words (greedy single-link), biggest groups first. */
export function groupUnanswered(data: FeedbackFile, threshold = 0.34): QuestionGroup[] {
  const groups: Array<{ tokens: Set<string>; questions: string[]; locales: Set<string>; bestScore: number }> = [];
  for (const u of data.unanswered) {
    const tokens = new Set(searchWords(u.text));
    const home = groups.find((g) => jaccard(g.tokens, tokens) >= threshold);
    if (home) {
      home.questions.push(u.text);
      home.locales.add(u.locale);
      home.bestScore = Math.max(home.bestScore, u.bestScore);
      for (const t of tokens) home.tokens.add(t);
    } else groups.push({ tokens, questions: [u.text], locales: new Set([u.locale]), bestScore: u.bestScore });
  }
  return groups
    .sort((a, b) => b.questions.length - a.questions.length)
    .map((g) => ({ example: g.questions[0]!, questions: g.questions, locales: [...g.locales], bestScore: g.bestScore }));
}

/** Articles by helpful rate, worst first; only articles with feedback. */
export function rateArticles(data: FeedbackFile): ArticleRating[] {
  const byId = new Map<string, { helpful: number; notHelpful: number }>();
  for (const f of data.feedback) {
    const r = byId.get(f.articleId) ?? { helpful: 0, notHelpful: 0 };
    if (f.helpful) r.helpful++;
    else r.notHelpful++;
    byId.set(f.articleId, r);
  }
  return [...byId]
    .map(([articleId, r]) => ({ articleId, ...r, helpfulRate: r.helpful / (r.helpful + r.notHelpful) }))
    .sort((a, b) => a.helpfulRate - b.helpfulRate || b.notHelpful - a.notHelpful);
}
