// npm run --silent ask [-- --knowledge DIR]: one question per stdin line →
// {"question","articleId","score","lang","section"}; articleId null when unsure, section the heading of the
// part that answers (null for none in particular). score is the best candidate's confidence (0..1), also
// when it was too low to answer. --knowledge DIR searches DIR (its articles/ and imported/) instead of KNOWLEDGE_DIR.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { ArticleSearch } from '../bot/knowledge/articleSearch.js';
import { loadImported } from '../bot/knowledge/loadImported.js';
import { loadKnowledge } from '../bot/knowledge/loadKnowledge.js';
import { detectLang } from '../bot/nlu/detectLang.js';

const { values } = parseArgs({ options: { knowledge: { type: 'string' } } });
const dir = values.knowledge ?? loadConfig(readEnvironment()).knowledgeDir;
// A folder an import went into may hold no curated articles at all.
const articlesDir = join(dir, 'articles');
const importedDir = join(dir, 'imported');
const kb = existsSync(articlesDir)
  ? await loadKnowledge(articlesDir, { imported: importedDir })
  : await loadImported(importedDir).then(({ articles, tokens }) => ({ articles: [], imported: articles, tokens }));
const search = new ArticleSearch(kb.articles, { imported: kb.imported, tokens: kb.tokens });
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const lang = detectLang(line);
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  const hit = search.best(line, locale);
  const score = hit?.confidence ?? search.bestConfidence(line, locale);
  const section = hit?.section?.heading ?? null;
  process.stdout.write(
    JSON.stringify({ question: line, articleId: hit?.article.id ?? null, score: Number(score.toFixed(4)), lang, section }) + '\n',
  );
}
