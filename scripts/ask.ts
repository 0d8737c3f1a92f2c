// npm run --silent ask: one question per stdin line → {"question","articleId","score","lang"}; articleId null when unsure.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { ArticleSearch } from '../bot/knowledge/articleSearch.js';
import { loadKnowledge } from '../bot/knowledge/loadKnowledge.js';
import { detectLang } from '../bot/nlu/detectLang.js';

const config = loadConfig(readEnvironment());
const { articles } = await loadKnowledge(join(config.knowledgeDir, 'articles'));
const search = new ArticleSearch(articles);
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const lang = detectLang(line);
  const hit = search.best(line, lang === 'zh' ? 'zh-CN' : 'en');
  process.stdout.write(JSON.stringify({ question: line, articleId: hit?.article.id ?? null, score: Number((hit?.confidence ?? 0).toFixed(4)), lang }) + '\n');
}
