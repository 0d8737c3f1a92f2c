import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What `npm run build` computes once, for the knowledge base it is built with, so that the compiled bot does
 * not at every start: the trained embedded recognizer, the curated articles parsed, and their search tokens (lib/cache).
 * Each entry is keyed by its inputs and by the code's behaviour: a knowledge base edited after the build, or
 * run from the TypeScript sources (no cache there), simply misses, and the bot computes as it always did.
 */
export const STARTUP_CACHE_DIR = join(import.meta.dirname, '..', 'cache');
export const MODEL_FILE = 'recognizer.bin';
export const ARTICLE_TOKENS_FILE = 'article-tokens.json';
export const PARSED_ARTICLES_FILE = 'articles.json';

export async function readCacheFile(dir: string, name: string): Promise<string | undefined> {
  try {
    return await readFile(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
}

export async function readCacheBytes(dir: string, name: string): Promise<Buffer | undefined> {
  try {
    return await readFile(join(dir, name));
  } catch {
    return undefined;
  }
}

export async function writeCacheFile(dir: string, name: string, text: string | Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, name), text);
}
