import MiniSearch, { type Options } from 'minisearch';
import type { Article } from './article.js';
import { matchTokens } from './matchTokens.js';
import { analyseQuestion, isHan, searchTokens } from './searchTerms.js';

type Locale = Article['locale'];

export interface Hit {
  readonly article: Article;
  /** Raw MiniSearch (BM25) score. */
  readonly score: number;
  /** Share of the question's words, weighted by rarity, that the article accounts for: 0..1. */
  readonly coverage: number;
  /** What the bot decides on: coverage, discounted when the matched words say too little. */
  readonly confidence: number;
}

/** Confidence below this returns no answer rather than a wrong article. */
export const DEFAULT_MIN_CONFIDENCE = 0.3;

/** The fields that say what an article is about; the body only supports them. */
const HEAD_FIELDS = ['title', 'questionText', 'tagText', 'summary'];
const FIELDS = [...HEAD_FIELDS, 'body'];
const HEAD = new Set(HEAD_FIELDS);
/** A word found only in an article's body counts for this much of a word in its title or questions. */
const BODY_MATCH = 0.25;
/** ...unless no other article mentions it at all (an error code, a record name): then it is a strong sign. */
const UNIQUE_BODY_MATCH = 0.75;
/** Matched evidence (summed rarity) below this is too little to answer on, however much of the question it covers. */
const ENOUGH_EVIDENCE = 3;
/** How much a close second candidate lowers the confidence in the first. */
const RIVAL_PENALTY = 0.4;

function indexOptions(): Options<Article> {
  return {
    idField: 'key',
    fields: FIELDS,
    extractField: (doc, field) => {
      if (field === 'key') return `${doc.locale}:${doc.id}`;
      if (field === 'questionText') return doc.questions.join('\n');
      if (field === 'tagText') return doc.tags.join(' ');
      return (doc as unknown as Record<string, string>)[field] ?? '';
    },
    tokenize: searchTokens,
    // searchTokens already drops stop words and stems; a question goes through the same function.
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 3, questionText: 3, tagText: 2, summary: 1.5, body: 0.6 },
      fuzzy: (term) => (isHan(term) || term.length < 5 ? false : 0.2),
      prefix: (term) => !isHan(term) && term.length >= 4,
      combineWith: 'OR',
    },
  };
}

/** Full-text search over titles, customer questions, tags, summaries and bodies, one index per language. */
export class ArticleSearch {
  private readonly indexes = new Map<Locale, MiniSearch<Article>>();
  private readonly byKey = new Map<string, Article>();
  /** Per locale: inverse document frequency of every indexed term, and the weight of a term never seen. */
  private readonly idf = new Map<Locale, Map<string, number>>();
  private readonly uniqueIdf = new Map<Locale, number>();
  private readonly unknownIdf = new Map<Locale, number>();

  constructor(
    articles: readonly Article[],
    private readonly minConfidence = DEFAULT_MIN_CONFIDENCE,
  ) {
    for (const locale of ['zh-CN', 'en'] as const) {
      const inLocale = articles.filter((a) => a.locale === locale);
      const index = new MiniSearch<Article>(indexOptions());
      index.addAll(inLocale);
      this.indexes.set(locale, index);
      const df = new Map<string, number>();
      for (const a of inLocale) {
        const text = [a.title, ...a.questions, ...a.tags, a.summary, a.body].join('\n');
        for (const t of new Set(searchTokens(text))) df.set(t, (df.get(t) ?? 0) + 1);
      }
      const n = Math.max(inLocale.length, 1);
      this.idf.set(locale, new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)])));
      this.uniqueIdf.set(locale, Math.log(1 + n));
      // Words the knowledge base has never seen weigh as much as a word in two articles: they are
      // usually the topic of a question we cannot answer ("Redis", "虚拟机").
      this.unknownIdf.set(locale, Math.log(1 + n / 2));
    }
    for (const a of articles) this.byKey.set(`${a.locale}:${a.id}`, a);
  }

  get(id: string, locale: Locale): Article | undefined {
    return this.byKey.get(`${locale}:${id}`);
  }

  /** Ranked articles in the question's locale, best first. */
  search(question: string, locale: Locale, limit = 5): Hit[] {
    const idf = this.idf.get(locale)!;
    const analysed = analyseQuestion(question);
    // Character pairs the knowledge base has never seen are segmentation noise, not missing topics.
    const terms = analysed.terms.filter((t) => !t.pair || idf.has(t.term));
    if (terms.length === 0) return [];
    // The index's tokens of the question are the terms weighed below; also which of them each article
    // matched in its head fields, and which only in its body.
    const { ranked: results, inHead, inBody } = matchTokens(this.indexes.get(locale)!, analysed.tokens, HEAD, 'body');
    if (results.length === 0) return [];
    const unknown = this.unknownIdf.get(locale)!;
    const weight = (t: { term: string; weight: number }) => t.weight * (idf.get(t.term) ?? unknown);
    const uniqueIdf = this.uniqueIdf.get(locale)!;
    const inBodyOnly = (t: { term: string }) => (idf.get(t.term) === uniqueIdf ? UNIQUE_BODY_MATCH : BODY_MATCH);
    const total = terms.reduce((sum, t) => sum + weight(t), 0);
    const top = results[0]!.score;
    const runnerUp = results[1]?.score ?? 0;
    const hits = results.slice(0, Math.max(limit, 8)).map((r, i) => {
      const head = inHead.get(r.id) ?? new Set<string>();
      const body = inBody.get(r.id) ?? new Set<string>();
      const evidence = terms.reduce((sum, t) => sum + weight(t) * (head.has(t.term) ? 1 : body.has(t.term) ? inBodyOnly(t) : 0), 0);
      const coverage = evidence / total;
      // A question of one common word ("what is Azure") matches everything a little and nothing well,
      // and an article that BM25 barely prefers over another is less likely the one meant.
      const rival = Math.min(1, (i === 0 ? runnerUp : top) / r.score);
      // An article whose title, questions and tags share nothing with the question is not about it.
      const onTopic = terms.some((t) => head.has(t.term)) ? 1 : 0.5;
      const confidence = coverage * Math.min(1, evidence / ENOUGH_EVIDENCE) * (1 - RIVAL_PENALTY * rival) * onTopic;
      return { article: this.byKey.get(r.id)!, score: r.score, coverage, confidence, rank: confidence + (0.5 * r.score) / top };
    });
    // BM25 finds the candidates; the final order also weighs how much of the question each explains.
    return hits
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit)
      .map(({ rank: _rank, ...hit }) => hit);
  }

  /** The best answer, or null when nothing is confident enough; `ranked`: this question's search, if already done. */
  best(question: string, locale: Locale, ranked: readonly Hit[] = this.search(question, locale, 1)): Hit | null {
    const top = ranked[0];
    return top && top.confidence >= this.minConfidence ? top : null;
  }

  /** The confidence of the best candidate even when it is too low to answer: stored with unanswered questions. */
  bestConfidence(question: string, locale: Locale, ranked: readonly Hit[] = this.search(question, locale, 1)): number {
    return ranked[0]?.confidence ?? 0;
  }

  /** The next answer after the ones already shown, with a lower bar: the user asked for more. */
  nextBest(question: string, locale: Locale, exclude: readonly string[]): Hit | null {
    const next = this.search(question, locale, exclude.length + 3).find((h) => !exclude.includes(h.article.id));
    return next && next.confidence >= this.minConfidence * 0.75 ? next : null;
  }
}
