import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { REQUIRED_ARTICLE_IDS, type Article, type KnowledgeProblem } from './article.js';
import { loadImported } from './loadImported.js';
import { parseArticle } from './parseArticle.js';
import { parseKey, type ParsedArticles } from './parsedArticles.js';
import type { TokenCache } from './tokenCache.js';

export interface LoadedKnowledge {
  /** The curated articles. */
  readonly articles: readonly Article[];
  /** Imported documents and question-answer pairs (`knowledge/imported`), when asked for. */
  readonly imported: readonly Article[];
  /** Their saved search tokens. */
  readonly tokens: TokenCache;
  readonly problems: readonly KnowledgeProblem[];
}

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await markdownFiles(path)));
    else if (entry.name.endsWith('.md')) out.push(path);
  }
  return out.sort();
}

/**
 * Reads every article under `dir` and checks the base as a whole: duplicates, an id missing in one
 * locale, broken related links, and the ids DESIGN.md requires. Paths in problems are relative to `cwd`.
 */
export async function loadKnowledge(
  dir: string,
  options: { required?: readonly string[]; cwd?: string; imported?: string; parsed?: ParsedArticles } = {},
): Promise<LoadedKnowledge> {
  const { required = REQUIRED_ARTICLE_IDS, cwd = process.cwd() } = options;
  const problems: KnowledgeProblem[] = [];
  const articles: Article[] = [];
  const paths = await markdownFiles(dir);
  const texts = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
  paths.forEach((path, i) => {
    const file = relative(cwd, path) || path;
    // The build's parse of the same text under the same name (lib/cache), else parsed here.
    const saved = options.parsed?.get(parseKey(file, texts[i]!));
    const parsed = saved ? { article: { ...saved, file }, problems: [] } : parseArticle(file, texts[i]!);
    problems.push(...parsed.problems);
    if (parsed.article) articles.push(parsed.article);
  });
  const byLocale = new Map<string, Map<string, Article>>([
    ['zh-CN', new Map()],
    ['en', new Map()],
  ]);
  for (const a of articles) {
    const seen = byLocale.get(a.locale)!;
    const twin = seen.get(a.id);
    if (twin) problems.push({ file: a.file, line: 2, message: `duplicate id "${a.id}" (also in ${twin.file})` });
    else seen.set(a.id, a);
  }
  const ids = new Set(articles.map((a) => a.id));
  for (const id of ids) {
    for (const [locale, seen] of byLocale) {
      if (!seen.has(id)) {
        const other = articles.find((a) => a.id === id)!;
        problems.push({ file: other.file, line: 2, message: `id "${id}" has no ${locale} version` });
      }
    }
  }
  for (const a of articles) {
    a.related.forEach((r, i) => {
      if (!ids.has(r)) problems.push({ file: a.file, line: a.relatedLines?.[i] ?? 1, message: `related link "${r}" points to no article` });
    });
  }
  for (const id of required)
    if (!ids.has(id)) problems.push({ file: relative(cwd, dir) || dir, line: 0, message: `required article "${id}" is missing` });
  if (options.imported === undefined) return { articles, imported: [], tokens: new Map(), problems };
  const imports = await loadImported(options.imported, cwd);
  return { articles, imported: imports.articles, tokens: imports.tokens, problems: [...problems, ...imports.problems] };
}

/** The curated articles (`<knowledgeDir>/articles`) and everything imported beside them (`<knowledgeDir>/imported`). */
export function loadKnowledgeBase(
  knowledgeDir: string,
  options: { required?: readonly string[]; cwd?: string; parsed?: ParsedArticles } = {},
): Promise<LoadedKnowledge> {
  return loadKnowledge(join(knowledgeDir, 'articles'), { ...options, imported: join(knowledgeDir, 'imported') });
}
