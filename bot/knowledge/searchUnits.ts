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
    text: { title: [article.title, ...section.path].join('\n'), ...head, body: section.text },
  }));
}
