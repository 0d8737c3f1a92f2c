import type { Article } from './article.js';
import { textKey } from './tokenCache.js';
import { PARSED_ARTICLES_FILE, readCacheFile } from '../startupCache.js';

/** Articles parsed by the build, by parseKey, without their `file` (relative to the working directory, set when used). */
export type ParsedArticles = ReadonlyMap<string, Omit<Article, 'file'>>;

/** What parseArticle's result depends on: the text, and the folder and file name its checks compare with the id. */
export function parseKey(file: string, text: string): string {
  return textKey(`${file.replace(/\\/g, '/').split('/').slice(-2).join('/')}\n${text}`);
}

/** Valid articles only: a file with problems is parsed again at start-up, so that its problems are reported. */
export function serializeParsedArticles(entries: ReadonlyArray<{ readonly text: string; readonly article: Article }>): string {
  const out: Record<string, Omit<Article, 'file'>> = {};
  for (const { text, article } of entries) {
    const { file, ...rest } = article;
    out[parseKey(file, text)] = rest;
  }
  return `${JSON.stringify(out)}\n`;
}

export async function loadParsedArticles(cacheDir: string): Promise<ParsedArticles | undefined> {
  const json = await readCacheFile(cacheDir, PARSED_ARTICLES_FILE);
  if (json === undefined) return undefined;
  try {
    return new Map(Object.entries(JSON.parse(json) as Record<string, Omit<Article, 'file'>>));
  } catch {
    return undefined;
  }
}
