import type { Article } from './article.js';
import { wholeText } from './articleSearch.js';
import { searchTokens, searchTokensFingerprint } from './searchTerms.js';
import { FIELDS, unitsOf } from './searchUnits.js';
import { readTokenCache, textKey, type TokenCache } from './tokenCache.js';
import { ARTICLE_TOKENS_FILE, readCacheFile } from '../startupCache.js';

/**
 * The curated articles' search tokens, as ArticleSearch takes them (repeats kept), for the start-up cache:
 * Chinese segmentation of every article costs a few hundred milliseconds at each start.
 */
export function serializeArticleTokens(articles: readonly Article[]): string {
  const tokens: Record<string, string> = {};
  for (const a of articles) {
    for (const text of [...unitsOf(a).flatMap((u) => FIELDS.map((f) => u.text[f])), wholeText(a)]) {
      const words = searchTokens(text);
      // Saved space-separated: a token with a space (none today) is left to be computed at start-up.
      if (!words.some((w) => w.includes(' '))) tokens[textKey(text)] = words.join(' ');
    }
  }
  return `${JSON.stringify({ fingerprint: searchTokensFingerprint(), tokens })}\n`;
}

/** The saved tokens, or undefined when there are none or the tokenizer's rules changed since. */
export async function loadArticleTokens(cacheDir: string): Promise<TokenCache | undefined> {
  const json = await readCacheFile(cacheDir, ARTICLE_TOKENS_FILE);
  const tokens = new Map<string, readonly string[]>();
  return json !== undefined && readTokenCache(json, tokens) ? tokens : undefined;
}
