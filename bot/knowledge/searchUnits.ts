import type { Article } from './article.js';
import type { Section } from './section.js';

/** The fields that say what a unit is about; the body only supports them. */
export const HEAD_FIELDS = ['title', 'questionText', 'tagText', 'summary'] as const;
export const FIELDS = [...HEAD_FIELDS, 'body'] as const;
export type Field = (typeof FIELDS)[number];

/**
 * What the search index holds: a curated article as a whole (its ranking is the article's), or one
 * section of an imported document, headed by the document's title and the section's heading path.
 */
export interface SearchUnit {
  readonly key: string;
  readonly article: Article;
  /** The imported section this unit is; null for a curated article. */
  readonly section: Section | null;
  readonly text: Readonly<Record<Field, string>>;
}

export function articleKey(article: Pick<Article, 'id' | 'locale'>): string {
  return `${article.locale}:${article.id}`;
}

export function unitsOf(article: Article): SearchUnit[] {
  const key = articleKey(article);
  const head = { questionText: article.questions.join('\n'), tagText: article.tags.join(' '), summary: article.summary };
  if (!article.imported) return [{ key, article, section: null, text: { title: article.title, ...head, body: article.body } }];
  return article.imported.sections.map((section, i) => ({
    key: `${key}§${i}`,
    article,
    section,
    text: { title: [article.title, ...section.path].join('\n'), ...head, body: withoutLongCode(section.text) },
  }));
}

/** Code blocks longer than this are program text, not words a customer asks with: left out of the index (short ones are commands). */
const MAX_INDEXED_CODE_LINES = 5;

/** A section's text for the index: long code blocks dropped, which also keeps start-up fast. */
export function withoutLongCode(text: string): string {
  return text.replace(/^[ \t]*(```|~~~)[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm, (block: string, _fence: string, code: string) =>
    code.split('\n').length - 1 > MAX_INDEXED_CODE_LINES ? '' : block,
  );
}
