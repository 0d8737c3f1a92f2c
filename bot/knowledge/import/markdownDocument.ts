import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Article } from '../article.js';
import type { ImportedDocument } from '../importedFormat.js';
import { pageUrl } from './linkResolver.js';
import { cleanMarkdown, INCLUDE, outsideCode, rewriteLinks, stripComments, type NoteLabels } from './markdownText.js';
import { dateOf, detectLocale, frontString, localeOf, splitFrontMatter, type SourceProblem } from './sourceText.js';

export interface SourceOptions {
  /** The public address of the folder given to the import, ending in "/", when known (`--base-url`). */
  readonly baseUrl: string | null;
  /** Note labels in a document's language (from the i18n catalogs). */
  readonly noteLabels: (locale: Article['locale']) => NoteLabels;
  /** How a file is named in problems (relative to the working folder). */
  readonly show: (path: string) => string;
}

/** Includes nested deeper than this are surely a mistake (or a cycle the path check missed). */
const MAX_INCLUDE_DEPTH = 10;

interface Expansion {
  readonly root: string;
  readonly baseUrl: string | null;
  readonly docUrl: string | null;
  readonly problems: SourceProblem[];
  readonly show: (path: string) => string;
}

/** One file's body with its links made absolute and its `[!INCLUDE]` lines replaced by the included files, recursively. */
async function expand(text: string, file: string, firstLine: number, chain: readonly string[], x: Expansion): Promise<string> {
  const own = rewriteLinks(stripComments(text), { file, root: x.root, baseUrl: x.baseUrl, docUrl: x.docUrl });
  const lines = own.split('\n');
  const includes: Array<{ index: number; path: string }> = [];
  outsideCode(lines, (line, index) => {
    const m = INCLUDE.exec(line);
    if (m) includes.push({ index, path: resolve(dirname(file), m[1]!.trim()) });
    return line;
  });
  for (const { index, path } of includes.reverse()) {
    const line = lines[index]!;
    const at = { file: x.show(file), line: firstLine + index };
    if (chain.includes(path)) {
      x.problems.push({ ...at, message: `include cycle: ${[...chain, path].map(x.show).join(' → ')}` });
      lines[index] = '';
      continue;
    }
    if (chain.length >= MAX_INCLUDE_DEPTH) {
      x.problems.push({ ...at, message: `includes nested more than ${MAX_INCLUDE_DEPTH} deep` });
      lines[index] = '';
      continue;
    }
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch {
      x.problems.push({ ...at, message: `included file not found: ${x.show(path)}` });
      lines[index] = '';
      continue;
    }
    const { body, bodyLine, problem } = splitFrontMatter(source, x.show(path));
    if (problem) x.problems.push(problem);
    const included = await expand(body, path, bodyLine, [...chain, path], x);
    // An include inside a note keeps the note's "> " on every line it brings.
    const prefix = /^(\s*(?:>\s?)*)/.exec(line)![1]!;
    const alone = line.replace(INCLUDE, '').trim().replace(/^>+$/, '') === '';
    lines[index] = alone
      ? included
          .split('\n')
          .map((l) => (prefix ? `${prefix}${l}`.replace(/\s+$/, '') : l))
          .join('\n')
      : line.replace(INCLUDE, included.replace(/\n+/g, ' ').trim());
  }
  return lines.join('\n');
}

/** Reads one Markdown document of a docs.azure.cn / Microsoft Learn style folder; `rel` is its path below `root`. */
export async function readMarkdownDocument(
  root: string,
  rel: string,
  options: SourceOptions,
): Promise<{ doc?: ImportedDocument; problems: SourceProblem[] }> {
  const path = join(root, rel);
  const problems: SourceProblem[] = [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return {
      problems: [
        { file: options.show(path), line: 1, message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` },
      ],
    };
  }
  const { front, body, bodyLine, problem } = splitFrontMatter(text, options.show(path));
  if (problem) return { problems: [problem] };
  const baseUrl = frontString(front, 'base_url', 'baseUrl') || options.baseUrl;
  const docUrl =
    frontString(front, 'url', 'canonical_url', 'canonicalUrl', 'ms.url') || (baseUrl ? pageUrl(withSlash(baseUrl), rel) : null);
  const expanded = await expand(body, resolve(path), bodyLine, [resolve(path)], {
    root: resolve(root),
    baseUrl: baseUrl ? withSlash(baseUrl) : null,
    docUrl,
    problems,
    show: options.show,
  });
  const locale = localeOf(frontString(front, 'ms.locale', 'locale', 'ms.contentlocale', 'lang', 'language')) ?? detectLocale(expanded);
  const { body: clean, h1 } = cleanMarkdown(expanded, options.noteLabels(locale));
  if (!clean) problems.push({ file: options.show(path), line: bodyLine, message: 'the document has no text' });
  if (problems.length > 0) return { problems };
  const doc: ImportedDocument = {
    rel: rel.replace(/\\/g, '/').replace(/\.(md|markdown)$/i, ''),
    title: frontString(front, 'title') || h1 || basename(rel).replace(/\.(md|markdown)$/i, ''),
    locale,
    url: docUrl,
    description: frontString(front, 'description', 'summary'),
    updated: dateOf(front['ms.date'] ?? front.updated ?? front.date),
    source: rel.replace(/\\/g, '/'),
    body: clean,
  };
  return { doc, problems };
}

export function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
