import MiniSearch, { type SearchResult } from 'minisearch';
import { tokenize } from '../nlu/tokenizer.js';
import type { Article } from './article.js';

type Locale = Article['locale'];

export interface Hit {
  readonly article: Article;
  /** Raw MiniSearch (BM25) score. */
  readonly score: number;
  /** Share of the question's words that the article matched, 0..1. */
  readonly coverage: number;
  /** What the bot decides on: score and coverage folded into 0..1. */
  readonly confidence: number;
}

const HAN = /\p{Script=Han}/u;
/** Words that carry no topic in a support question. */
const STOP = new Set(
  'the a an i my me we our you your to of for in on at is are do does how what why can could should would it this that with and or be from please pls 我 我的 我们 你 你们 的 了 吗 呢 啊 吧 怎么 如何 怎样 什么 是 在 有 要 想 能 可以 请问 一下 这个 那个 和'.split(' '),
);

/** Words plus Han character pairs, so a question still matches when segmentation splits a word differently. */
export function searchTokens(text: string): string[] {
  const words = tokenize(text);
  const pairs: string[] = [];
  for (const w of words) if (HAN.test(w) && w.length > 2) for (let i = 0; i + 2 <= w.length; i++) pairs.push(w.slice(i, i + 2));
  return [...words, ...pairs];
}

/** Confidence below this returns no answer rather than a wrong article. */
export const DEFAULT_MIN_CONFIDENCE = 0.35;

/** Full-text search over titles, customer questions, tags, summaries and bodies, one index per language. */
export class ArticleSearch {
  private readonly indexes = new Map<Locale, MiniSearch<Article>>();
  private readonly byKey = new Map<string, Article>();
  /** Per locale: inverse document frequency of every term, and each article's head terms. */
  private readonly idf = new Map<Locale, Map<string, number>>();
  private readonly headTerms = new Map<string, Set<string>>();
  private readonly unknownIdf = new Map<Locale, number>();

  constructor(
    articles: readonly Article[],
    private readonly minConfidence = DEFAULT_MIN_CONFIDENCE,
  ) {
    for (const locale of ['zh-CN', 'en'] as const) {
      const index = new MiniSearch<Article>({
        idField: 'key',
        fields: ['title', 'questionText', 'tagText', 'summary', 'body'],
        extractField: (doc, field) => {
          if (field === 'key') return `${doc.locale}:${doc.id}`;
          if (field === 'questionText') return doc.questions.join('\n');
          if (field === 'tagText') return doc.tags.join(' ');
          return (doc as unknown as Record<string, string>)[field] ?? '';
        },
        tokenize: searchTokens,
        processTerm: (term) => (STOP.has(term) ? null : term),
        searchOptions: {
          boost: { title: 3, questionText: 3, tagText: 2, summary: 1.5, body: 0.6 },
          fuzzy: (term) => (HAN.test(term) || term.length < 5 ? false : 0.2),
          prefix: (term) => !HAN.test(term) && term.length >= 4,
          combineWith: 'OR',
        },
      });
      const inLocale = articles.filter((a) => a.locale === locale);
      index.addAll(inLocale);
      this.indexes.set(locale, index);
      const df = new Map<string, number>();
      for (const a of inLocale) {
        const head = new Set(searchTokens([a.title, ...a.questions, ...a.tags, a.summary].join('\n')).filter((t) => !STOP.has(t)));
        this.headTerms.set(`${locale}:${a.id}`, head);
        for (const t of new Set([...head, ...searchTokens(a.body)])) df.set(t, (df.get(t) ?? 0) + 1);
      }
      const n = inLocale.length;
      this.idf.set(locale, new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)])));
      this.unknownIdf.set(locale, Math.log(1 + n));
    }
    for (const a of articles) this.byKey.set(`${a.locale}:${a.id}`, a);
  }

  get(id: string, locale: Locale): Article | undefined {
    return this.byKey.get(`${locale}:${id}`);
  }

  /** Ranked articles in the question's locale, best first. */
  search(question: string, locale: Locale, limit = 5): Hit[] {
    const queryTerms = [...new Set(searchTokens(question).filter((t) => !STOP.has(t)))];
    if (queryTerms.length === 0) return [];
    const results: SearchResult[] = this.indexes.get(locale)!.search(question);
    const idf = this.idf.get(locale)!;
    const weight = (t: string) => idf.get(t) ?? this.unknownIdf.get(locale)!;
    const total = queryTerms.reduce((sum, t) => sum + weight(t), 0);
    const top = results[0]?.score ?? 1;
    const hits = results.slice(0, Math.max(limit, 5)).map((r) => {
      // Confidence is how much of the question, weighted by rarity, the article accounts for: words
      // the knowledge base has never seen count against it.
      const head = this.headTerms.get(r.id as string)!;
      const coverage = queryTerms.reduce((sum, t) => sum + (head.has(t) ? weight(t) : 0), 0) / total;
      // One shared word is chance ("beijing" in "weather in beijing"), not an answer.
      const matched = queryTerms.filter((t) => head.has(t)).length;
      const confidence = matched >= Math.min(2, queryTerms.length) ? coverage : coverage / 2;
      return { article: this.byKey.get(r.id as string)!, score: r.score, coverage, confidence, rank: confidence + (0.25 * r.score) / top };
    });
    // BM25 finds the candidates; the final order also weighs how much of the question each explains.
    return hits
      .sort((a, b) => b.rank - a.rank)
      .slice(0, limit)
      .map(({ rank: _rank, ...hit }) => hit);
  }

  /** The best answer, or null when nothing is confident enough. */
  best(question: string, locale: Locale): Hit | null {
    const top = this.search(question, locale, 1)[0];
    return top && top.confidence >= this.minConfidence ? top : null;
  }

  /** The next answer after the ones already shown, with a lower bar: the user asked for more. */
  nextBest(question: string, locale: Locale, exclude: readonly string[]): Hit | null {
    const next = this.search(question, locale, exclude.length + 3).find((h) => !exclude.includes(h.article.id));
    return next && next.confidence >= this.minConfidence * 0.75 ? next : null;
  }
}
