// Run by `npm run build` after tsc: trains the embedded recognizer and tokenizes the curated articles of
// ./knowledge (or the folder given) once, and keeps the articles as parsed, into lib/cache, where the compiled
// bot looks first at start-up.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serializeArticleTokens } from '../bot/knowledge/articleTokens.js';
import { loadKnowledge } from '../bot/knowledge/loadKnowledge.js';
import { serializeParsedArticles } from '../bot/knowledge/parsedArticles.js';
import { LocalRecognizer } from '../bot/nlu/localRecognizer.js';
import { encodeModel, modelKey } from '../bot/nlu/savedModel.js';
import { ARTICLE_TOKENS_FILE, MODEL_FILE, PARSED_ARTICLES_FILE, STARTUP_CACHE_DIR, writeCacheFile } from '../bot/startupCache.js';

const knowledgeDir = resolve(process.argv[2] ?? 'knowledge');
const intents = join(knowledgeDir, 'intents');
const recognizer = await LocalRecognizer.fromDirectory(intents);
await writeCacheFile(STARTUP_CACHE_DIR, MODEL_FILE, encodeModel(await modelKey(intents), recognizer.saveModel()));
const { articles } = await loadKnowledge(join(knowledgeDir, 'articles'), { required: [] });
await writeCacheFile(STARTUP_CACHE_DIR, ARTICLE_TOKENS_FILE, serializeArticleTokens(articles));
const texts = await Promise.all(articles.map((article) => readFile(resolve(article.file), 'utf8')));
const parsed = serializeParsedArticles(articles.map((article, i) => ({ article, text: texts[i]! })));
await writeCacheFile(STARTUP_CACHE_DIR, PARSED_ARTICLES_FILE, parsed);
console.error(
  `Start-up cache: the recognizer and ${articles.length} articles (parsed, tokenized) from ${knowledgeDir}, in ${STARTUP_CACHE_DIR}`,
);
