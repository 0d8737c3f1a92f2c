import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Article, KnowledgeProblem } from './article.js';

const STEPS_HEADING: Readonly<Record<Article['locale'], string>> = { en: '## Steps', 'zh-CN': '## 操作步骤' };

/** Parses one article file; returns the article, or the problems with their line numbers. */
export function parseArticle(file: string, text: string): { article?: Article; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const fail = (line: number, message: string) => problems.push({ file, line, message });
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) {
    fail(1, 'missing front matter (a block between --- lines at the top)');
    return { problems };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1]!, { lineCounter });
  // Front matter starts on the file's second line.
  for (const e of doc.errors)
    fail(
      lineCounter.linePos(e.pos[0]).line + 1,
      `front matter is not valid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  if (problems.length > 0 || !isMap(doc.contents)) {
    if (problems.length === 0) fail(2, 'front matter must be a YAML mapping');
    return { problems };
  }
  const lineOf = (key: string) => {
    const pair =
      doc.contents && isMap(doc.contents)
        ? doc.contents.items.find((i) => String((i.key as { value?: unknown })?.value) === key)
        : undefined;
    const pos = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
    return pos === undefined ? 1 : lineCounter.linePos(pos).line + 1;
  };
  const relatedNode = isMap(doc.contents)
    ? doc.contents.items.find((i) => String((i.key as { value?: unknown })?.value) === 'related')?.value
    : undefined;
  const relatedLines = isSeq(relatedNode)
    ? relatedNode.items.map((item) => {
        const pos = (item as { range?: readonly number[] }).range?.[0];
        return pos === undefined ? lineOf('related') : lineCounter.linePos(pos).line + 1;
      })
    : undefined;
  const data = doc.toJS() as Record<string, unknown>;
  const str = (key: string) => {
    const v = data[key];
    if (typeof v !== 'string' || v.trim() === '') fail(lineOf(key), `"${key}" must be a non-empty string`);
    return typeof v === 'string' ? v : '';
  };
  const list = (key: string, min: number) => {
    const v = data[key];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== '')) {
      fail(lineOf(key), `"${key}" must be a list of strings`);
      return [];
    }
    if (v.length < min) fail(lineOf(key), `"${key}" needs at least ${min} entries (has ${v.length})`);
    return v as string[];
  };
  const id = str('id');
  const locale = str('locale');
  const title = str('title');
  const summary = str('summary');
  const questions = list('questions', 5);
  const tags = list('tags', 1);
  const related = list('related', 1);
  // Every fact needs a public source (or is the reseller's own policy, said so in the text).
  const sources = list('sources', 1);
  for (const url of sources)
    if (!/^https:\/\/[^\s/]+\.[^\s/]+\/?\S*$/.test(url)) fail(lineOf('sources'), `source "${url}" is not a public https URL`);
  const updated = data.updated instanceof Date ? data.updated.toISOString().slice(0, 10) : String(data.updated ?? '');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(updated)) fail(lineOf('updated'), '"updated" must be a date (YYYY-MM-DD)');
  if (locale !== 'zh-CN' && locale !== 'en') fail(lineOf('locale'), '"locale" must be zh-CN or en');
  const expected = /([^/]+\/[^/]+)\.(zh-CN|en)\.md$/.exec(file.replace(/\\/g, '/'));
  if (expected && id && id !== expected[1]) fail(lineOf('id'), `id "${id}" does not match the file path (${expected[1]})`);
  if (expected && locale && locale !== expected[2])
    fail(lineOf('locale'), `locale "${locale}" does not match the file name (${expected[2]})`);
  if (related.includes(id)) fail(lineOf('related'), 'an article cannot be related to itself');

  const bodyStartLine = match[0].split('\n').length;
  const body = text.slice(match[0].length).trim();
  const heading = STEPS_HEADING[locale as Article['locale']] ?? STEPS_HEADING.en;
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  const steps: string[] = [];
  if (at < 0) fail(bodyStartLine, `missing the "${heading}" section`);
  else {
    for (const l of lines.slice(at + 1)) {
      if (/^##\s/.test(l)) break;
      const step = /^\s*\d+\.\s+(.*)$/.exec(l);
      if (step) steps.push(step[1]!.trim());
    }
    if (steps.length === 0) fail(bodyStartLine + at, `"${heading}" has no numbered steps`);
  }
  if (problems.length > 0) return { problems };
  return {
    article: {
      id,
      locale: locale as Article['locale'],
      title,
      summary,
      questions,
      tags,
      related,
      sources,
      updated,
      body,
      steps,
      file,
      ...(relatedLines && { relatedLines }),
    },
    problems,
  };
}
