import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { messages } from '../../i18n/messages.js';
import { FAQ_SUFFIX, parseImportedFile, serializeDocument, serializeFaq, type ImportedDocument } from '../importedFormat.js';
import { unitsOf } from '../searchUnits.js';
import { serializeTokenCache, TOKEN_CACHE_FILE } from '../tokenCache.js';
import { collectSources, type SourceFile } from './collectSources.js';
import { parseDelimited } from './delimited.js';
import { faqTable, type TableRow } from './faqTable.js';
import { readHtmlPage } from './htmlPage.js';
import { readMarkdownDocument, type SourceOptions } from './markdownDocument.js';
import { qnaJson } from './qnaJson.js';
import { checkPairs, type SourceFaq, type SourcePair } from './sourcePair.js';
import type { SourceProblem } from './sourceText.js';
import { writeImport } from './writeImport.js';

export interface ImportOptions {
  readonly sources: readonly string[];
  /** The import's name (its folder under `imported/`); by default the first SOURCE's last name, made safe. */
  readonly name?: string;
  /** The knowledge folder (KNOWLEDGE_DIR, or `--knowledge`): the import goes to `<knowledgeDir>/imported/<name>`. */
  readonly knowledgeDir: string;
  /** The public address of the SOURCE folders, so that relative links and pages get absolute URLs. */
  readonly baseUrl?: string | null;
  readonly cwd?: string;
}

export interface ImportResult {
  readonly name: string;
  readonly documents: number;
  readonly pairs: number;
  /** When there are any, nothing was written. */
  readonly problems: readonly SourceProblem[];
}

/** What an import may be called: it becomes a folder name and part of every id. */
export const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** A SOURCE's last folder or file name (without extension), lower-cased, with anything but a-z, 0-9, "-", "_" and "." made "-". */
export function safeName(source: string): string {
  const name = basename(resolve(source)).replace(/\.(md|markdown|html?|tsv|csv|xlsx|json)$/i, '');
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '') || 'import'
  );
}

async function readFaq(file: SourceFile, show: (p: string) => string): Promise<{ pairs: SourcePair[]; problems: SourceProblem[] } | null> {
  const path = join(file.root, file.rel);
  const where = show(path);
  if (file.kind === 'xlsx') {
    try {
      const data = await readSheet(path);
      const rows: TableRow[] = data.map((cells, i) => ({
        row: i + 1,
        line: i + 1,
        cells: cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c))),
      }));
      return faqTable(
        rows.filter((r) => r.cells.some((c) => c.trim() !== '')),
        where,
        { escapedNewlines: false },
      );
    } catch (err) {
      return { pairs: [], problems: [{ file: where, line: 1, message: `cannot read the workbook (${(err as Error).message})` }] };
    }
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return {
      pairs: [],
      problems: [{ file: where, line: 1, message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }],
    };
  }
  if (file.kind === 'json') {
    const read = qnaJson(text, where);
    // A folder of documentation holds other JSON (build settings): only a file given by name must be an export.
    return !file.explicit && read.pairs.length === 0 && read.problems.every((p) => /no question-answer list|not valid JSON/.test(p.message))
      ? null
      : read;
  }
  const records = parseDelimited(text, file.kind === 'tsv' ? '\t' : ',');
  const rows = records.map((r, i) => ({ row: i + 1, line: r.line, cells: r.cells }));
  return faqTable(rows, where, { escapedNewlines: file.kind === 'tsv' });
}

/**
 * Imports documentation and FAQs into `<knowledgeDir>/imported/<name>/`: one Markdown file per document,
 * one `.faq.yml` per FAQ file, and the saved search tokens. All or nothing: with any problem, nothing is written.
 */
export async function importSources(options: ImportOptions): Promise<ImportResult> {
  const cwd = options.cwd ?? process.cwd();
  const show = (p: string) => relative(cwd, p) || p;
  const name = options.name ?? safeName(options.sources[0] ?? '');
  const problems: SourceProblem[] = [];
  if (!SAFE_NAME.test(name)) {
    return {
      name,
      documents: 0,
      pairs: 0,
      problems: [{ file: name, line: 0, message: `"${name}" is not a safe import name (use a-z, 0-9, "-", "_" and ".")` }],
    };
  }
  const collected = await collectSources(options.sources, show);
  problems.push(...collected.problems);
  const sourceOptions: SourceOptions = { baseUrl: options.baseUrl ?? null, noteLabels: (l) => messages(l).faq.noteLabels, show };
  const docs: ImportedDocument[] = [];
  const faqs: SourceFaq[] = [];
  const owners = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const owner = owners.get(id);
    if (owner) problems.push({ file: show(path), line: 1, message: `gives the same id "${id}" as ${owner}` });
    owners.set(id, show(path));
    return !owner;
  };
  for (const file of collected.files) {
    const path = join(file.root, file.rel);
    if (file.kind === 'markdown' || file.kind === 'html') {
      const read = await (file.kind === 'markdown' ? readMarkdownDocument : readHtmlPage)(file.root, file.rel, sourceOptions);
      problems.push(...read.problems);
      if (read.doc && claim(read.doc.rel, path)) docs.push(read.doc);
      continue;
    }
    const read = await readFaq(file, show);
    if (!read) continue;
    problems.push(...read.problems);
    const rel = file.rel.replace(/\\/g, '/').replace(/\.[^./]+$/, '');
    if (claim(`${rel}#`, path)) faqs.push({ rel, source: file.rel.replace(/\\/g, '/'), file: show(path), pairs: read.pairs });
  }
  const checked = checkPairs(faqs);
  problems.push(...checked.problems);
  if (problems.length > 0) return { name, documents: 0, pairs: 0, problems };

  const files = new Map<string, string>();
  for (const doc of docs) files.set(`${doc.rel}.md`, serializeDocument(doc));
  for (const faq of checked.faqs) if (faq.pairs.length > 0) files.set(`${faq.rel}${FAQ_SUFFIX}`, serializeFaq(faq));
  // Read back what is about to be stored, as the bot will: the saved tokens are of exactly that text.
  const articles = [...files].flatMap(([rel, text]) => {
    const faq = rel.endsWith(FAQ_SUFFIX);
    const parsed = parseImportedFile(name, rel.slice(0, -(faq ? FAQ_SUFFIX.length : 3)), rel, text, faq);
    problems.push(...parsed.problems);
    return parsed.articles;
  });
  if (problems.length > 0) return { name, documents: 0, pairs: 0, problems };
  files.set(TOKEN_CACHE_FILE, serializeTokenCache(articles.flatMap(unitsOf)));
  await writeImport(join(options.knowledgeDir, 'imported'), name, files);
  const pairs = articles.filter((a) => a.id.includes('#')).length;
  return { name, documents: articles.length - pairs, pairs, problems };
}
