import type { SourcePair } from './sourcePair.js';
import { detectLocale, localeOf, type SourceProblem } from './sourceText.js';

/** One row of a sheet: its cells as text, the row number (header = 1) and the file line problems name. */
export interface TableRow {
  readonly row: number;
  readonly line: number;
  readonly cells: readonly string[];
}

type Column = 'question' | 'answer' | 'alternatives' | 'language' | 'source' | 'metadata' | 'category' | 'id';

/** Header names in English or Chinese (QnA Maker exports, FAQ sheets), compared lower-cased with spaces squeezed. */
const HEADERS: Readonly<Record<Column, RegExp>> = {
  question: /^(questions?|q|问题|标准问题|主问题|问题描述)$/,
  answer: /^(answers?|a|答案|回答|解答|答复)$/,
  alternatives:
    /^(alternat(e|ive) questions?|alternatives?|similar questions?|other questions?|备选问题|相似问题|相似问法|其他问法|替代问题|同义问题|扩展问题)$/,
  language: /^(language|lang|locale|语言|语种)$/,
  source: /^(source|url|link|来源|链接|网址)$/,
  metadata: /^(metadata|元数据)$/,
  category: /^(category|分类|类别)$/,
  id: /^(qnaid|qna id|id|编号)$/,
};

const squeeze = (s: string) =>
  s
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/**
 * The pairs of a FAQ sheet or a QnA Maker TSV export: columns found by their header; rows sharing a QnA id
 * (or, without one, an answer) are one pair whose other questions are alternatives, as QnA Maker exports
 * them; an "alternative questions" cell holds more, one per line or separated by ";" or "|".
 */
export function faqTable(
  rows: readonly TableRow[],
  file: string,
  options: { escapedNewlines: boolean },
): { pairs: SourcePair[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const header = rows[0];
  if (!header) return { pairs: [], problems: [{ file, line: 1, message: 'the file is empty' }] };
  const col = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const name = (Object.keys(HEADERS) as Column[]).find((c) => HEADERS[c].test(squeeze(cell)));
    if (name && !col.has(name)) col.set(name, i);
  });
  if (!col.has('question') || !col.has('answer')) {
    return {
      pairs: [],
      problems: [
        { file, line: header.line, message: 'the header needs a question column and an answer column (Question/问题, Answer/答案)' },
      ],
    };
  }
  const cell = (r: TableRow, c: Column) => {
    const i = col.get(c);
    const v = i === undefined ? '' : (r.cells[i] ?? '').trim();
    return options.escapedNewlines ? v.replace(/\\n/g, '\n') : v;
  };
  const groups = new Map<
    string,
    {
      first: TableRow;
      questions: Array<{ text: string; line: number }>;
      answer: string;
      url: string | null;
      metadata: Record<string, string>;
      language: string;
    }
  >();
  for (const r of rows.slice(1)) {
    const question = cell(r, 'question');
    const answer = cell(r, 'answer');
    if (!question) {
      problems.push({ file, line: r.line, message: 'empty question' });
      continue;
    }
    if (!answer) {
      problems.push({ file, line: r.line, message: `empty answer for "${question}"` });
      continue;
    }
    const key = cell(r, 'id') ? `id:${cell(r, 'id')}` : `answer:${answer}`;
    let group = groups.get(key);
    if (!group) {
      const source = cell(r, 'source');
      const metadata: Record<string, string> = {};
      for (const part of cell(r, 'metadata').split('|')) {
        const [k, ...v] = part.split(':');
        if (k?.trim() && v.join(':').trim()) metadata[k.trim().toLowerCase()] = v.join(':').trim();
      }
      if (cell(r, 'category')) metadata.category = cell(r, 'category');
      group = {
        first: r,
        questions: [],
        answer,
        url: /^https?:\/\//i.test(source) ? source : null,
        metadata,
        language: cell(r, 'language'),
      };
      groups.set(key, group);
    } else if (group.answer !== answer) {
      problems.push({
        file,
        line: r.line,
        message: `this row shares QnA id ${cell(r, 'id')} with row ${group.first.row} but has a different answer`,
      });
      continue;
    }
    group.questions.push({ text: question, line: r.line });
    for (const alt of cell(r, 'alternatives').split(/\r?\n|[;；|]/))
      if (alt.trim()) group.questions.push({ text: alt.trim(), line: r.line });
  }
  const pairs: SourcePair[] = [];
  for (const g of groups.values()) {
    const locale = g.language ? localeOf(g.language) : detectLocale(`${g.questions.map((q) => q.text).join('\n')}\n${g.answer}`);
    if (!locale) {
      problems.push({ file, line: g.first.line, message: `unknown language "${g.language}" (use zh-CN or en)` });
      continue;
    }
    pairs.push({ id: String(g.first.row), locale, questions: g.questions, answer: g.answer, url: g.url, metadata: g.metadata });
  }
  return { pairs, problems };
}
