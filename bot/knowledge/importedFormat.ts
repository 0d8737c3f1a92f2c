import { parse, stringify } from 'yaml';
import type { Article, KnowledgeProblem } from './article.js';
import { splitSections, type Section } from './section.js';

type Locale = Article['locale'];

/** One imported document as it is stored: `knowledge/imported/<name>/<rel>.md`, Markdown with front matter. */
export interface ImportedDocument {
  /** The source file's path relative to the folder given to the import, without extension: the id's tail. */
  readonly rel: string;
  readonly title: string;
  readonly locale: Locale;
  readonly url: string | null;
  readonly description: string;
  /** The source's own date (ms.date and the like), YYYY-MM-DD, when it had one. */
  readonly updated: string | null;
  /** The source file, relative to the folder given to the import. */
  readonly source: string;
  /** Markdown, with `##`/`###` headings for its sections. */
  readonly body: string;
}

/** One question-answer pair of an imported FAQ (QnA Maker export, sheet). */
export interface ImportedPair {
  /** The row number of a sheet, or the pair's id in a JSON export: the id's `#` part. */
  readonly id: string;
  readonly locale: Locale;
  /** The main question first, then the alternatives. */
  readonly questions: readonly string[];
  readonly answer: string;
  readonly url: string | null;
  readonly metadata: Readonly<Record<string, string>>;
}

/** One imported FAQ file as it is stored: `knowledge/imported/<name>/<rel>.faq.yml`. */
export interface ImportedFaq {
  readonly rel: string;
  readonly source: string;
  readonly pairs: readonly ImportedPair[];
}

export const FAQ_SUFFIX = '.faq.yml';

/** Sections that only point elsewhere ("Next steps"): kept in the document, never answers on their own. */
const NAVIGATION =
  /^(next steps?|see also|related (content|articles|links|resources)|additional resources|more information|后续步骤|下一步|另请参阅|相关内容|相关文章|相关链接|其他资源|更多信息)$/i;

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

export function serializeDocument(doc: ImportedDocument): string {
  const front = {
    title: doc.title,
    locale: doc.locale,
    ...(doc.url && { url: doc.url }),
    ...(doc.description && { description: doc.description }),
    ...(doc.updated && { updated: doc.updated }),
    source: doc.source,
  };
  return `---\n${yaml(front)}---\n${doc.body.trim()}\n`;
}

export function serializeFaq(faq: ImportedFaq): string {
  const pairs = faq.pairs.map((p) => ({
    id: p.id,
    locale: p.locale,
    questions: [...p.questions],
    answer: p.answer,
    ...(p.url && { url: p.url }),
    ...(Object.keys(p.metadata).length > 0 && { metadata: p.metadata }),
  }));
  return yaml({ source: faq.source, pairs });
}

/**
 * Front matter as the import writes it (`key: plain value` lines), read without a YAML parser: a thousand
 * documents' worth of parsing showed at start-up. Anything else (quotes, lists, a hand edit) returns
 * undefined and goes to the YAML parser.
 */
function simpleFrontMatter(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([a-z][a-z_.-]*): (.+)$/i.exec(line);
    // A plain scalar that YAML would read the same: no quotes, flow or block markers, comments or ": ".
    if (!m || /^[\s'"&*!|>%@`{[\]#,?-]|: | #|\s$/.test(m[2]!)) return undefined;
    out[m[1]!] = m[2]!;
  }
  return out;
}

const isLocale = (v: unknown): v is Locale => v === 'zh-CN' || v === 'en';
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * Reads one stored file of the import `name` back into articles; `rel` is its path inside the import's
 * folder without the stored extension. Problems name `file` and the line where it can.
 */
export function parseImportedFile(
  name: string,
  rel: string,
  file: string,
  source: string,
  faq: boolean,
): { articles: Article[]; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const fail = (line: number, message: string) => ({ articles: [], problems: [...problems, { file, line, message }] });
  if (faq) {
    let data: { pairs?: unknown };
    try {
      data = (parse(source) ?? {}) as { pairs?: unknown };
    } catch (err) {
      return fail(
        (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1,
        `not valid YAML: ${(err as Error).message.split('\n')[0]}`,
      );
    }
    if (!Array.isArray(data.pairs)) return fail(1, '"pairs" must be a list');
    const articles: Article[] = [];
    for (const raw of data.pairs as Array<Record<string, unknown>>) {
      const questions = Array.isArray(raw.questions) ? raw.questions.map(text).filter((q) => q.trim() !== '') : [];
      const answer = text(raw.answer).trim();
      const id = text(raw.id);
      if (!id || questions.length === 0 || !answer || !isLocale(raw.locale))
        return fail(1, `pair "${id}" needs an id, questions, an answer and a locale (zh-CN or en)`);
      const url = text(raw.url) || null;
      const metadata =
        raw.metadata && typeof raw.metadata === 'object' ? Object.values(raw.metadata as Record<string, unknown>).map(text) : [];
      const section: Section = { heading: null, path: [], text: answer };
      articles.push({
        id: `imported/${name}/${rel}#${id}`,
        locale: raw.locale,
        title: questions[0]!,
        summary: '',
        questions: questions.slice(1),
        tags: metadata.filter((m) => m !== ''),
        related: [],
        sources: url ? [url] : [],
        updated: '',
        body: answer,
        steps: [],
        file,
        imported: { name, url, sections: [section] },
      });
    }
    return { articles, problems };
  }
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return fail(1, 'missing front matter (a block between --- lines at the top)');
  let front: Record<string, unknown>;
  try {
    front = simpleFrontMatter(match[1]!) ?? ((parse(match[1]!) ?? {}) as Record<string, unknown>);
  } catch (err) {
    return fail(2, `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const title = text(front.title).trim();
  if (!title) return fail(2, '"title" must be a non-empty string');
  if (!isLocale(front.locale)) return fail(2, '"locale" must be zh-CN or en');
  const body = source.slice(match[0].length).trim();
  const sections = splitSections(body).filter((s) => !s.path.some((h) => NAVIGATION.test(h)));
  if (sections.length === 0) return fail(match[0].split('\n').length, 'the document has no text');
  const url = text(front.url) || null;
  const updated = front.updated instanceof Date ? front.updated.toISOString().slice(0, 10) : text(front.updated);
  const article: Article = {
    id: `imported/${name}/${rel}`,
    locale: front.locale,
    title,
    summary: text(front.description),
    questions: [],
    tags: [],
    related: [],
    sources: url ? [url] : [],
    updated,
    body,
    steps: [],
    file,
    imported: { name, url, sections },
  };
  return { articles: [article], problems };
}
