import { readFileSync } from 'node:fs';
import { ArticleSearch } from '/work/main/bot/knowledge/articleSearch.js';
import { loadKnowledge } from '/work/main/bot/knowledge/loadKnowledge.js';
const { questions } = JSON.parse(readFileSync('/work/main/test/knowledge/searchQuestions.json', 'utf8')) as { questions: [string, string, string | null][] };
const { articles } = await loadKnowledge('/work/main/knowledge/articles');
const s = new ArticleSearch(articles);
for (const [loc, q, exp] of questions) {
  const r = s.search(q, loc as 'en', 3);
  const best = s.best(q, loc as 'en');
  const got = best?.article.id ?? null;
  if (got !== exp) console.log(loc, JSON.stringify(q), 'expected', exp, 'got', got, 'top3', r.map((h) => `${h.article.id}:${h.confidence.toFixed(2)}`).join(' '));
}
