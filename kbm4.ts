import { ArticleSearch } from './bot/knowledge/articleSearch.js';
import { loadKnowledgeBase } from './bot/knowledge/loadKnowledge.js';
const kb = await loadKnowledgeBase('/tmp/kbtrial');
const plain = new ArticleSearch(kb.articles);
const full = new ArticleSearch(kb.articles, { imported: kb.imported, tokens: kb.tokens });
const qs = kb.articles.flatMap((a) => a.questions.map((q) => [q, a.locale] as const)).slice(0, 200);
for (const [name, s] of [['plain', plain], ['full', full], ['plain', plain], ['full', full]] as const) {
  const t = performance.now();
  for (const [q, l] of qs) s.search(q, l, 1);
  console.log(name, ((performance.now() - t) / qs.length).toFixed(2), 'ms/query');
}
