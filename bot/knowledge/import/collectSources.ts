import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { SourceProblem } from './sourceText.js';

export type SourceKind = 'markdown' | 'html' | 'tsv' | 'csv' | 'xlsx' | 'json';

/** One input file: the folder given to the import (`root`), its path below it, and what it is. */
export interface SourceFile {
  readonly root: string;
  readonly rel: string;
  readonly kind: SourceKind;
  /** Given by name rather than found in a folder: a file that is not what its extension says is then a problem, not skipped. */
  readonly explicit: boolean;
}

const KINDS: ReadonlyArray<readonly [RegExp, SourceKind]> = [
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.html?$/i, 'html'],
  [/\.tsv$/i, 'tsv'],
  [/\.csv$/i, 'csv'],
  [/\.xlsx$/i, 'xlsx'],
  [/\.json$/i, 'json'],
];

const kindOf = (name: string) => KINDS.find(([re]) => re.test(name))?.[1];

async function walk(dir: string, out: string[]): Promise<void> {
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    else if (entry.isFile()) out.push(path);
  }
}

/**
 * The files to import from each SOURCE (a folder, searched recursively, or a file). Markdown under an
 * `includes` folder is only ever included, never a document of its own.
 */
export async function collectSources(
  sources: readonly string[],
  show: (path: string) => string,
): Promise<{ files: SourceFile[]; problems: SourceProblem[] }> {
  const files: SourceFile[] = [];
  const problems: SourceProblem[] = [];
  for (const source of sources) {
    const path = resolve(source);
    const info = await stat(path).catch(() => null);
    if (!info) {
      problems.push({ file: show(path), line: 0, message: 'no such file or folder' });
      continue;
    }
    if (info.isFile()) {
      const kind = kindOf(path);
      if (kind) files.push({ root: dirname(path), rel: basename(path), kind, explicit: true });
      else problems.push({ file: show(path), line: 0, message: 'not a format the import reads (.md, .html, .tsv, .csv, .xlsx, .json)' });
      continue;
    }
    const found: string[] = [];
    await walk(path, found);
    const before = files.length;
    for (const file of found) {
      const rel = relative(path, file);
      const kind = kindOf(file);
      if (
        !kind ||
        (kind === 'markdown' &&
          rel
            .split(/[\\/]/)
            .slice(0, -1)
            .some((d) => d.toLowerCase() === 'includes'))
      )
        continue;
      files.push({ root: path, rel, kind, explicit: false });
    }
    if (files.length === before)
      problems.push({ file: show(path), line: 0, message: 'no documents found (.md, .html, .tsv, .csv, .xlsx, .json)' });
  }
  return { files, problems };
}
