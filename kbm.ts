import { ArticleSearch } from './bot/knowledge/articleSearch.js';
import { loadKnowledgeBase } from './bot/knowledge/loadKnowledge.js';
const dir = process.argv[2]!;
let t = performance.now();
const kb = await loadKnowledgeBase(dir);
const loaded = performance.now() - t;
t = performance.now();
const search = new ArticleSearch(kb.articles, { imported: kb.imported, tokens: kb.tokens });
const built = performance.now() - t;
console.log({ articles: kb.articles.length, imported: kb.imported.length, problems: kb.problems.length, cached: kb.tokens.size, loadMs: Math.round(loaded), indexMs: Math.round(built) });
for (const q of process.argv.slice(3)) {
  const t0 = performance.now();
  const hits = search.search(q, /\p{Script=Han}/u.test(q) ? 'zh-CN' : 'en', 3);
  console.log(q, Math.round(performance.now() - t0) + 'ms', hits.map((h) => `${h.article.id} [${h.section?.heading ?? '-'}] ${h.confidence.toFixed(2)}`));
}
