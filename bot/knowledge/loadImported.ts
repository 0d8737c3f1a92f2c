import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Article, KnowledgeProblem } from './article.js';
import { FAQ_SUFFIX, parseImportedFile } from './importedFormat.js';
import { readTokenCache, TOKEN_CACHE_FILE, type TokenCache } from './tokenCache.js';

export interface LoadedImports {
  readonly articles: readonly Article[];
  readonly problems: readonly KnowledgeProblem[];
  /** The saved search tokens of every import, when their tokenizer rules are today's. */
  readonly tokens: TokenCache;
}

/** Stored files of one import, relative to its folder; dot-files (the token cache, an import under way) are not documents. */
async function storedFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await storedFiles(dir, rel)));
    else if (entry.name.endsWith('.md') || entry.name.endsWith(FAQ_SUFFIX)) out.push(rel);
  }
  return out.sort();
}

async function exists(dir: string): Promise<boolean> {
  try {
    await readdir(dir);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/** Reads every import under `dir` (`knowledge/imported`): one folder per import name. A missing folder is no imports. */
export async function loadImported(dir: string, cwd = process.cwd()): Promise<LoadedImports> {
  const articles: Article[] = [];
  const problems: KnowledgeProblem[] = [];
  const tokens = new Map<string, readonly string[]>();
  if (!(await exists(dir))) return { articles, problems, tokens };
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  for (const name of names) {
    const folder = join(dir, name);
    try {
      readTokenCache(await readFile(join(folder, TOKEN_CACHE_FILE), 'utf8'), tokens);
    } catch {
      // No cache: the documents are segmented at load, which is slower but the same.
    }
    const ids = new Map<string, string>();
    const rels = await storedFiles(folder);
    // Read in parallel: a thousand documents one after another spend most of their time waiting.
    const texts = await Promise.all(rels.map((rel) => readFile(join(folder, rel), 'utf8')));
    for (const [i, rel] of rels.entries()) {
      const faq = rel.endsWith(FAQ_SUFFIX);
      const path = join(folder, rel);
      const file = relative(cwd, path) || path;
      const parsed = parseImportedFile(name, rel.slice(0, -(faq ? FAQ_SUFFIX.length : '.md'.length)), file, texts[i]!, faq);
      problems.push(...parsed.problems);
      for (const a of parsed.articles) {
        const twin = ids.get(a.id);
        if (twin) problems.push({ file, line: 1, message: `duplicate id "${a.id}" (also in ${twin})` });
        else {
          ids.set(a.id, file);
          articles.push(a);
        }
      }
    }
  }
  return { articles, problems, tokens };
}
