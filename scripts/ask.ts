// npm run --silent ask: one question per stdin line → {"question","articleId","score","lang"}; articleId null when unsure.
// score is the best article's confidence (0..1), also when it was too low to answer.
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
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const hit = search.best(line, locale);
  const score = hit?.confidence ?? search.bestConfidence(line, locale);
  process.stdout.write(JSON.stringify({ question: line, articleId: hit?.article.id ?? null, score: Number(score.toFixed(4)), lang }) + '\n');
}
