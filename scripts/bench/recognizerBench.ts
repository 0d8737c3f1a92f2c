import { join } from 'node:path';
import { ArticleSearch } from '../../bot/knowledge/articleSearch.js';
import { searchTokens } from '../../bot/knowledge/searchTerms.js';
import type { Article } from '../../bot/knowledge/article.js';
import { loadKnowledge } from '../../bot/knowledge/loadKnowledge.js';
import { LocalRecognizer } from '../../bot/nlu/localRecognizer.js';
import { tokenize } from '../../bot/nlu/tokenizer.js';
import { quantile } from './loadTest.js';
import { printRows, type Row } from './table.js';

const KNOWLEDGE = join(import.meta.dirname, '../../knowledge');

/** Per-call latency of `fn` over every query, `rounds` times, in ms (p50, p99). */
function time<T>(queries: readonly T[], rounds: number, fn: (q: T) => unknown): { p50: number; p99: number } {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      fn(q);
      samples.push(performance.now() - t);
    }
  }
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

/** The simplest search there is: every article of the language, scored by shared words. */
function linearScan(articles: readonly Article[]): (q: { text: string; locale: Article['locale'] }) => string | undefined {
  const indexed = articles.map((a) => ({
    a,
    terms: new Set(searchTokens([a.title, ...a.questions, ...a.tags, a.summary, a.body].join('\n'))),
  }));
  return ({ text, locale }) => {
    const words = searchTokens(text);
    let best: { id: string; score: number } | undefined;
    for (const { a, terms } of indexed) {
      if (a.locale !== locale) continue;
      const score = words.reduce((s, w) => s + (terms.has(w) ? 1 : 0), 0);
      if (!best || score > best.score) best = { id: a.id, score };
    }
    return best?.id;
  };
}

/** Our recognizer and knowledge search per message, each beside a same-run floor or naive baseline. */
export async function runRecognizerBench(options: { quick: boolean }): Promise<void> {
  const { articles } = await loadKnowledge(join(KNOWLEDGE, 'articles'));
  const recognizer = await LocalRecognizer.fromDirectory(join(KNOWLEDGE, 'intents'));
  const search = new ArticleSearch(articles);
  // Customer questions written into the articles, in both languages: realistic lengths and mixes.
  const queries = articles.flatMap((a) => a.questions.map((text) => ({ text, locale: a.locale })));
  const rounds = options.quick ? 3 : 20;
  for (const q of queries.slice(0, 50)) await recognizer.recognize(q.text); // warm up the JIT

  const recognizerSamples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      await recognizer.recognize(q.text);
      recognizerSamples.push(performance.now() - t);
    }
  }
  recognizerSamples.sort((a, b) => a - b);
  const ours = { p50: quantile(recognizerSamples, 0.5), p99: quantile(recognizerSamples, 0.99) };
  const floor = time(queries, rounds, (q) => tokenize(q.text));
  const found = time(queries, rounds, (q) => search.best(q.text, q.locale));
  const naive = time(queries, rounds, linearScan(articles));

  const rows: Row[] = [
    { name: 'recognizer p50 (vs tokenize only)', ours: ours.p50, baseline: floor.p50, unit: 'ms', better: 'lower' },
    { name: 'recognizer p99 (vs tokenize only)', ours: ours.p99, baseline: floor.p99, unit: 'ms', better: 'lower' },
    { name: 'search p50 (vs linear scan)', ours: found.p50, baseline: naive.p50, unit: 'ms', better: 'lower' },
    { name: 'search p99 (vs linear scan)', ours: found.p99, baseline: naive.p99, unit: 'ms', better: 'lower' },
  ];
  printRows(
    `Recognizer and knowledge search, ${queries.length} article questions × ${rounds} (zh-CN and en, ${articles.length} articles)`,
    'baseline',
    rows,
  );
}
