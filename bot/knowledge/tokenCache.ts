import { createHash } from 'node:crypto';
import { searchTokens, searchTokensFingerprint } from './searchTerms.js';
import { FIELDS, type SearchUnit } from './searchUnits.js';

/**
 * The search tokens of imported text, saved by the import beside the documents (`.search-tokens.json`)
 * so that the bot does not segment thousands of documents again at every start: Chinese segmentation
 * costs about a second per megabyte. Keyed by a hash of the text, so an edited document simply misses.
 * Each text keeps its distinct tokens only: an imported section is indexed by which words it has, not
 * how often (sections are short), which also halves what the index has to take in at start-up.
 */
export type TokenCache = ReadonlyMap<string, readonly string[]>;

export const TOKEN_CACHE_FILE = '.search-tokens.json';

export function textKey(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The distinct tokens of `text`, in order of first appearance, from the cache when it has them. */
export function tokensOf(text: string, cache?: TokenCache): readonly string[] {
  if (text === '') return [];
  return cache?.get(textKey(text)) ?? distinct(text);
}

const distinct = (text: string) => [...new Set(searchTokens(text))];

/** The cache file for these units: every field text, sorted by key, so the same documents give the same bytes. */
export function serializeTokenCache(units: readonly SearchUnit[]): string {
  const entries = new Map<string, string>();
  for (const unit of units) {
    for (const field of FIELDS) {
      const text = unit.text[field];
      if (text === '') continue;
      const key = textKey(text);
      if (!entries.has(key)) entries.set(key, distinct(text).join(' '));
    }
  }
  const tokens = Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ fingerprint: searchTokensFingerprint(), tokens }, null, 0)}\n`;
}

/** Adds a cache file's tokens to `into`; a file written by other tokenizer rules is ignored. */
export function readTokenCache(json: string, into: Map<string, readonly string[]>, fingerprint = searchTokensFingerprint()): boolean {
  let data: { fingerprint?: unknown; tokens?: unknown };
  try {
    data = JSON.parse(json) as typeof data;
  } catch {
    return false;
  }
  if (data.fingerprint !== fingerprint || !data.tokens || typeof data.tokens !== 'object') return false;
  for (const [key, joined] of Object.entries(data.tokens as Record<string, unknown>)) {
    if (typeof joined === 'string') into.set(key, joined === '' ? [] : joined.split(' '));
  }
  return true;
}
