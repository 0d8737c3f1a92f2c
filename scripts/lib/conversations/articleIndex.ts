import type { Reply } from './replies.js';

/** The knowledge base as the article check needs it: which ids exist, and each title (both languages) → id. */
export interface ArticleIndex {
  readonly ids: ReadonlySet<string>;
  readonly byTitle: ReadonlyMap<string, string>;
}

const normal = (s: string) => s.normalize('NFKC').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

export function articleIndex(articles: ReadonlyArray<{ readonly id: string; readonly title: string }>): ArticleIndex {
  return { ids: new Set(articles.map((a) => a.id)), byTitle: new Map(articles.map((a) => [normal(a.title), a.id])) };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Any string in a card's JSON that is an article id, for cards that carry the id (in metadata or body data).
 * Actions are left out: their buttons may name related articles, which are offers, not answers.
 */
function idsIn(node: unknown, index: ArticleIndex, out: Set<string>): void {
  if (typeof node === 'string') {
    if (index.ids.has(node)) out.add(node);
  } else if (Array.isArray(node)) for (const n of node) idsIn(n, index, out);
  else if (isObject(node)) for (const [k, v] of Object.entries(node)) if (k !== 'actions' && k !== 'selectAction') idsIn(v, index, out);
}

/** A card's heading: the first text block of its body. */
function heading(card: unknown): string | undefined {
  const first = isObject(card) && Array.isArray(card.body) ? card.body[0] : undefined;
  return isObject(first) && typeof first.text === 'string' ? first.text : undefined;
}

/**
 * The articles a turn showed: a card whose heading is an article's title (the answer card, see
 * bot/cards/articleCard.ts), a card that carries an article id outside its actions, or a text message that opens
 * with an article's title (account set-up and billing send the article as markdown). Buttons naming a
 * related article ("Also: …") are offers, not answers, and do not count.
 */
export function articlesShown(replies: readonly Reply[], index: ArticleIndex): string[] {
  const found = new Set<string>();
  for (const reply of replies) {
    for (const card of reply.cards) {
      const title = heading(card);
      const byTitle = title === undefined ? undefined : index.byTitle.get(normal(title));
      if (byTitle) found.add(byTitle);
      idsIn(card, index, found);
    }
    const firstLine = reply.cards.length === 0 ? reply.text.split('\n')[0] : undefined;
    const byText = firstLine === undefined ? undefined : index.byTitle.get(normal(firstLine));
    if (byText) found.add(byText);
  }
  return [...found];
}
