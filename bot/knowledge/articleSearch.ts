import MiniSearch, { type Options } from 'minisearch';
import type { Article } from './article.js';
import { matchTokens } from './matchTokens.js';
import { splitPassages, splitSections, type Section } from './section.js';
import { bestSection, leansOnContext, refersBack, type IndexedSection } from './sectionMatch.js';
import { analyseQuestion, isHan, searchTokens, type QueryTerm } from './searchTerms.js';
import { articleKey, FIELDS, HEAD_FIELDS, unitsOf, type SearchUnit } from './searchUnits.js';
import { textKey, tokensOf, type TokenCache } from './tokenCache.js';

type Locale = Article['locale'];

export interface Hit {
  readonly article: Article;
  /** Raw MiniSearch (BM25) score. */
  readonly score: number;
  /** Share of the question's words, weighted by rarity, that the article accounts for: 0..1. */
  readonly coverage: number;
  /** What the bot decides on: coverage, discounted when the matched words say too little. */
  readonly confidence: number;
  /** The part of the article that answers (the matching section of an imported or curated article); null for none in particular. */
  readonly section: Section | null;
}

/** Confidence below this returns no answer rather than a wrong article. */
export const DEFAULT_MIN_CONFIDENCE = 0.3;

const HEAD = new Set<string>(HEAD_FIELDS);
/** A word found only in an article's body counts for this much of a word in its title or questions. */
const BODY_MATCH = 0.25;
/** ...unless no other article mentions it at all (an error code, a record name): then it is a strong sign. */
const UNIQUE_BODY_MATCH = 0.75;
/** Matched evidence (summed rarity) below this is too little to answer on, however much of the question it covers. */
const ENOUGH_EVIDENCE = 3;
/** How much a close second candidate lowers the confidence in the first. */
const RIVAL_PENALTY = 0.4;
/**
 * Imported documentation was written to be read, not to answer questions (no customer phrasings, no tags):
 * the same share of a question matched in it is weaker evidence than in a curated article.
 */
const IMPORTED_DISCOUNT = 0.85;
/** An imported document ranked this close above a curated article is a tie, and the curated article goes first. */
const TIE_MARGIN = 0.05;
/** How many sections of one imported document are weighed for it. */
const SECTIONS_PER_DOCUMENT = 3;
/**
 * A follow-up lands on a passage of the article shown when the passage accounts for this much of it; a
 * little less is enough when no other article answers the question better or the question refers back.
 */
const FOLLOW_UP_COVERAGE = 0.5;
const FOLLOW_UP_WEAK_COVERAGE = 0.2;
const FOLLOW_UP_LEANING_COVERAGE = 0.3;
/** Another article this confident makes a question with a topic of its own a new question. */
const ELSEWHERE_CONFIDENCE = 0.6;
/** …or this confident and this far ahead of the article shown. */
const CLEARLY_BETTER = { floor: 0.45, margin: 0.2 } as const;

export interface ArticleSearchOptions {
  readonly minConfidence?: number;
  /** Imported documents and pairs (`knowledge/imported`), searched section by section beside the articles. */
  readonly imported?: readonly Article[];
  /** Their saved search tokens, so that start-up need not segment them again. */
  readonly tokens?: TokenCache;
  /** The curated articles' search tokens as `npm run build` saved them (repeats kept), by text key. */
  readonly articleTokens?: TokenCache;
}

/** A curated article as one text, for document frequency. */
export const wholeText = (a: Article): string => [a.title, ...a.questions, ...a.tags, a.summary, a.body].join('\n');

/** Leads every Chinese term in the index; a Han character, so the fuzzy and prefix rules below still see Chinese. */
const HAN_KEY = '㐀';

/**
 * A term as the index stores it: Chinese terms spelled in hexadecimal behind HAN_KEY. MiniSearch's tree
 * looks through a node's children one by one, and thousands of different first characters made every
 * insertion and lookup slow (seconds at start-up with imported documentation). Chinese terms are only ever
 * matched exactly, so the spelling changes nothing else; searchTokens has already dropped stop words and stemmed.
 */
function indexTerm(term: string): string {
  if (!isHan(term)) return term;
  let key = HAN_SPELLING.get(term);
  if (key !== undefined) return key;
  key = HAN_KEY;
  for (const ch of term) key += ch.codePointAt(0)!.toString(16).padStart(5, '0');
  // Terms repeat across thousands of fields at start-up; the spellings of a knowledge base's words are few.
  if (HAN_SPELLING.size < 50_000) HAN_SPELLING.set(term, key);
  return key;
}
const HAN_SPELLING = new Map<string, string>();

function indexOptions(): Options<SearchUnit> {
  return {
    idField: 'key',
    fields: [...FIELDS],
    // Fields arrive already tokenized (searchTokens, or the imports' saved tokens): MiniSearch takes the
    // token lists as they are, without joining and splitting them again.
    extractField: (unit, field) => (field === 'key' ? unit.key : ((unit as IndexedUnit).tokens[field] as unknown as string)),
    stringifyField: (value) => value,
    tokenize: (tokens) => tokens as unknown as string[],
    processTerm: indexTerm,
    searchOptions: {
      tokenize: searchTokens,
      boost: { title: 3, questionText: 3, tagText: 2, summary: 1.5, body: 0.6 },
      fuzzy: (term) => (isHan(term) || term.length < 5 ? false : 0.2),
      prefix: (term) => !isHan(term) && term.length >= 4,
      combineWith: 'OR',
    },
  };
}

/** A unit with the tokens of each of its fields, as the index takes them. */
interface IndexedUnit extends SearchUnit {
  readonly tokens: Readonly<Record<string, readonly string[]>>;
}

interface Candidate extends Omit<Hit, 'section'> {
  readonly unit: SearchUnit;
  readonly rank: number;
}

/**
 * Full-text search over titles, customer questions, tags, summaries and bodies, one index per language.
 * Curated articles are ranked as wholes (and the section that matched is picked inside them); imported
 * documents are ranked by their best sections.
 */
export class ArticleSearch {
  private readonly indexes = new Map<Locale, MiniSearch<SearchUnit>>();
  private readonly units = new Map<string, SearchUnit>();
  private readonly byKey = new Map<string, Article>();
  private readonly hasImported = new Set<Locale>();
  /** Per locale: inverse document frequency of every indexed term, and the weight of a term never seen. */
  private readonly idf = new Map<Locale, Map<string, number>>();
  private readonly uniqueIdf = new Map<Locale, number>();
  private readonly unknownIdf = new Map<Locale, number>();
  private readonly sections = new Map<string, IndexedSection[]>();
  private readonly passages = new Map<string, IndexedSection[]>();
  private readonly minConfidence: number;

  constructor(articles: readonly Article[], options: number | ArticleSearchOptions = {}) {
    const opts = typeof options === 'number' ? { minConfidence: options } : options;
    const { minConfidence = DEFAULT_MIN_CONFIDENCE, imported = [], tokens, articleTokens } = opts;
    this.minConfidence = minConfidence;
    const curatedTokens = (text: string) => articleTokens?.get(textKey(text)) ?? searchTokens(text);
    for (const locale of ['zh-CN', 'en'] as const) {
      const inLocale = articles.filter((a) => a.locale === locale);
      const importedInLocale = imported.filter((a) => a.locale === locale);
      if (importedInLocale.length > 0) this.hasImported.add(locale);
      const index = new MiniSearch<SearchUnit>(indexOptions());
      const df = new Map<string, number>();
      const count = (words: Iterable<string>) => {
        for (const t of new Set(words)) df.set(t, (df.get(t) ?? 0) + 1);
      };
      for (const a of inLocale) {
        const units: IndexedUnit[] = unitsOf(a).map((u) => ({
          ...u,
          tokens: Object.fromEntries(FIELDS.map((f) => [f, curatedTokens(u.text[f])])),
        }));
        index.addAll(units);
        for (const u of units) this.units.set(u.key, u);
        count(curatedTokens(wholeText(a)));
      }
      for (const a of importedInLocale) {
        const words: string[] = [];
        const units: IndexedUnit[] = unitsOf(a).map((u) => {
          const fields = FIELDS.map((f) => [f, tokensOf(u.text[f], tokens)] as const);
          for (const [, t] of fields) words.push(...t);
          return { ...u, tokens: Object.fromEntries(fields) };
        });
        index.addAll(units);
        for (const u of units) this.units.set(u.key, u);
        count(words);
      }
      this.indexes.set(locale, index);
      const n = Math.max(inLocale.length + importedInLocale.length, 1);
      this.idf.set(locale, new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)])));
      this.uniqueIdf.set(locale, Math.log(1 + n));
      // Words the knowledge base has never seen weigh as much as a word in two articles: they are
      // usually the topic of a question we cannot answer ("Redis", "虚拟机").
      this.unknownIdf.set(locale, Math.log(1 + n / 2));
    }
    for (const a of [...articles, ...imported]) this.byKey.set(articleKey(a), a);
  }

  /** An article or imported document; an imported one is found in either language, as ids are unique across them. */
  get(id: string, locale: Locale): Article | undefined {
    const found = this.byKey.get(articleKey({ id, locale }));
    if (found || !id.startsWith('imported/')) return found;
    return this.byKey.get(articleKey({ id, locale: locale === 'en' ? 'zh-CN' : 'en' }));
  }

  /**
   * Ranked articles, best first: in the question's locale, unless nothing there is confident enough;
   * then imported documents in the other language that are.
   */
  search(question: string, locale: Locale, limit = 5): Hit[] {
    const hits = this.searchIn(question, locale, limit, false);
    const other: Locale = locale === 'en' ? 'zh-CN' : 'en';
    if ((hits[0]?.confidence ?? 0) >= this.minConfidence || !this.hasImported.has(other)) return hits;
    const elsewhere = this.searchIn(question, other, limit, true).filter((h) => h.confidence >= this.minConfidence);
    return elsewhere.length === 0 ? hits : [...elsewhere, ...hits].slice(0, limit);
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

  /**
   * The passage (list item or paragraph) of article `id` that a follow-up asks about ("how soon does it
   * take effect?" → the step that says about 15 minutes), or null when the question is not about it: no
   * passage covers enough of it, or another article answers it and it does not refer back.
   */
  followUp(id: string, locale: Locale, question: string): Section | null {
    const article = this.get(id, locale);
    if (!article) return null;
    const match = this.pickPassage(article, question, analyseQuestion(question).terms);
    if (!match) return null;
    const ranked = this.search(question, locale, 5);
    const other = this.best(question, locale, ranked);
    const own = ranked.find((h) => articleKey(h.article) === articleKey(article))?.confidence ?? 0;
    // Another article that answers it surely, or clearly better than the one shown, makes it a new question.
    const clearlyBetter = (c: number) => c >= CLEARLY_BETTER.floor && c - own >= CLEARLY_BETTER.margin;
    const elsewhere =
      !!other &&
      articleKey(other.article) !== articleKey(article) &&
      (other.confidence >= ELSEWHERE_CONFIDENCE || clearlyBetter(other.confidence));
    const leans = leansOnContext(question) || refersBack(question);
    if (match.coverage >= FOLLOW_UP_COVERAGE && (!elsewhere || leans)) return match.section;
    if (match.coverage >= FOLLOW_UP_WEAK_COVERAGE && !elsewhere) return match.section;
    // "那我自己能弄吗" right after the article: the pronoun says which article, even when another one matches too.
    return leans && match.coverage >= FOLLOW_UP_LEANING_COVERAGE ? match.section : null;
  }

  private pickSection(article: Article, question: string, terms: readonly QueryTerm[]) {
    const key = articleKey(article);
    let sections = this.sections.get(key);
    if (!sections) {
      const all = article.imported?.sections ?? splitSections(article.body);
      sections = all.map((section) => ({ section, words: new Set(searchTokens(`${section.path.join('\n')}\n${section.text}`)) }));
      this.sections.set(key, sections);
    }
    const idf = this.idf.get(article.locale)!;
    const unknown = this.unknownIdf.get(article.locale)!;
    return bestSection(sections, question, terms, (t) => t.weight * (idf.get(t.term) ?? unknown));
  }

  private pickPassage(article: Article, question: string, terms: readonly QueryTerm[]) {
    const key = articleKey(article);
    let passages = this.passages.get(key);
    if (!passages) {
      const parts = article.imported
        ? article.imported.sections.flatMap((s) => splitPassages(s.text).map((p) => ({ ...p, heading: s.heading, path: s.path })))
        : splitPassages(article.body);
      passages = parts.map((section) => ({ section, words: new Set(searchTokens(`${section.path.join('\n')}\n${section.text}`)) }));
      this.passages.set(key, passages);
    }
    const idf = this.idf.get(article.locale)!;
    const unknown = this.unknownIdf.get(article.locale)!;
    return bestSection(passages, question, terms, (t) => t.weight * (idf.get(t.term) ?? unknown));
  }

  private searchIn(question: string, locale: Locale, limit: number, importedOnly: boolean): Hit[] {
    const idf = this.idf.get(locale)!;
    const analysed = analyseQuestion(question);
    // Character pairs the knowledge base has never seen are segmentation noise, not missing topics.
    const terms = analysed.terms.filter((t) => !t.pair || idf.has(t.term));
    if (terms.length === 0) return [];
    // The index's tokens of the question are the terms weighed below; also which of them each unit
    // matched in its head fields, and which only in its body.
    const matched = matchTokens(this.indexes.get(locale)!, analysed.tokens, HEAD, 'body');
    const { inHead, inBody } = matched;
    const results = importedOnly ? matched.ranked.filter((r) => this.units.get(r.id)!.article.imported) : matched.ranked;
    if (results.length === 0) return [];
    // Imported documents have a unit per section: weigh each document by its best few, in BM25 order.
    const byDocument = new Map<string, Array<{ unit: SearchUnit; score: number }>>();
    for (const r of results) {
      const unit = this.units.get(r.id)!;
      const key = articleKey(unit.article);
      const list = byDocument.get(key);
      if (list) {
        if (list.length < SECTIONS_PER_DOCUMENT) list.push({ unit, score: r.score });
      } else if (byDocument.size < Math.max(limit, 8)) byDocument.set(key, [{ unit, score: r.score }]);
    }
    const documents = [...byDocument.values()];
    const unknown = this.unknownIdf.get(locale)!;
    const weight = (t: QueryTerm) => t.weight * (idf.get(t.term) ?? unknown);
    const uniqueIdf = this.uniqueIdf.get(locale)!;
    const inBodyOnly = (t: QueryTerm) => (idf.get(t.term) === uniqueIdf ? UNIQUE_BODY_MATCH : BODY_MATCH);
    // Imported documentation covers many topics in many words: a word it has never seen is almost surely the
    // question's topic, and weighs as much as a word that only one document has.
    const importedWeight = (t: QueryTerm) => (idf.has(t.term) ? weight(t) : t.weight * uniqueIdf);
    const importedTotal = terms.reduce((sum, t) => sum + importedWeight(t), 0);
    const curatedTotal = terms.reduce((sum, t) => sum + weight(t), 0);
    const top = documents[0]![0]!.score;
    const runnerUp = documents[1]?.[0]!.score ?? 0;
    const candidates = documents.map((units, i) => {
      const weighed = units.map(({ unit, score }): Candidate => {
        const head = inHead.get(unit.key) ?? new Set<string>();
        const body = inBody.get(unit.key) ?? new Set<string>();
        const imported = unit.article.imported !== undefined;
        const w = imported ? importedWeight : weight;
        const evidence = terms.reduce((sum, t) => sum + w(t) * (head.has(t.term) ? 1 : body.has(t.term) ? inBodyOnly(t) : 0), 0);
        const coverage = evidence / (imported ? importedTotal : curatedTotal);
        // A question of one common word ("what is Azure") matches everything a little and nothing well,
        // and an article that BM25 barely prefers over another is less likely the one meant.
        const rival = Math.min(1, (i === 0 ? runnerUp : top) / score);
        // An article whose title, questions and tags share nothing with the question is not about it.
        const onTopic = terms.some((t) => head.has(t.term)) ? 1 : 0.5;
        const confidence =
          coverage * Math.min(1, evidence / ENOUGH_EVIDENCE) * (1 - RIVAL_PENALTY * rival) * onTopic * (imported ? IMPORTED_DISCOUNT : 1);
        return { article: unit.article, unit, score, coverage, confidence, rank: confidence + (0.5 * score) / top };
      });
      return weighed.reduce((a, b) => (b.rank > a.rank ? b : a));
    });
    // BM25 finds the candidates; the final order also weighs how much of the question each explains.
    const ranked = candidates.sort((a, b) => b.rank - a.rank);
    curatedFirstOnTies(ranked);
    return ranked.slice(0, limit).map(({ rank: _rank, unit, ...hit }) => ({
      ...hit,
      section: unit.section ?? this.pickSection(unit.article, question, terms)?.section ?? null,
    }));
  }
}

/** Curated articles win ties: one ranked just below an imported document, by less than the margin, moves above it. */
function curatedFirstOnTies(ranked: Candidate[]): void {
  for (let i = ranked.length - 1; i > 0; i--) {
    const [above, below] = [ranked[i - 1]!, ranked[i]!];
    if (
      above.article.imported &&
      !below.article.imported &&
      above.rank - below.rank <= TIE_MARGIN &&
      above.confidence - below.confidence <= TIE_MARGIN
    ) {
      [ranked[i - 1], ranked[i]] = [below, above];
    }
  }
}
