import type { Lang } from '../../../bot/nlu/types.js';
import { articlesShown, type ArticleIndex } from './articleIndex.js';
import { deadEndOf } from './deadEnds.js';
import type { Reply } from './replies.js';
import { replyLang } from './replyLang.js';
import type { Turn } from './scenario.js';

/**
 * The per-turn checks, on what the customer sees. Each returns undefined when it holds, else what was
 * expected: lang, article, says, not, ticket, and noDeadEnd (on by default).
 */
export type CheckName = 'lang' | 'article' | 'says' | 'not' | 'ticket' | 'noDeadEnd';

export interface CheckFailure {
  readonly check: CheckName | 'click' | 'http';
  readonly expected: string;
}

const TICKET = /\bT-\d+\b/g;
const pattern = (p: string) => new RegExp(p, 'iu');

/** Every reply with words is in `lang` (data the bot quotes, in `literals`, is left out). */
export function checkLang(replies: readonly Reply[], lang: Lang, literals: readonly string[] = []): string | undefined {
  const wrong = replies.find((r) => {
    const found = replyLang(r.text, literals);
    return found !== undefined && found !== lang;
  });
  return wrong ? `every reply in ${lang}` : undefined;
}

export function checkArticle(replies: readonly Reply[], ids: readonly string[], index: ArticleIndex): string | undefined {
  const shown = articlesShown(replies, index);
  return ids.some((id) => shown.includes(id)) ? undefined : `article ${ids.join(' or ')} (shown: ${shown.join(', ') || 'none'})`;
}

/** Each pattern matches some reply. */
export function checkSays(replies: readonly Reply[], patterns: readonly string[]): string | undefined {
  const missing = patterns.filter((p) => !replies.some((r) => pattern(p).test(r.text)));
  return missing.length > 0 ? `a reply matching /${missing.join('/, /')}/` : undefined;
}

/** No pattern matches any reply. */
export function checkNot(replies: readonly Reply[], patterns: readonly string[]): string | undefined {
  const hit = patterns.filter((p) => replies.some((r) => pattern(p).test(r.text)));
  return hit.length > 0 ? `no reply matching /${hit.join('/, /')}/` : undefined;
}

export function ticketsIn(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) => r.text.match(TICKET) ?? []);
}

/** true: some ticket id is shown; false: none is; same: the ticket shown earlier in the conversation is. */
export function checkTicket(replies: readonly Reply[], want: boolean | 'same', earlier: string | undefined): string | undefined {
  const ids = ticketsIn(replies);
  if (want === true) return ids.length > 0 ? undefined : 'a ticket id (T-…)';
  if (want === false) return ids.length === 0 ? undefined : `no ticket id (shown: ${ids.join(', ')})`;
  if (!earlier) return 'the earlier ticket id, but none was shown before';
  return ids.includes(earlier) ? undefined : `ticket ${earlier} again`;
}

export function checkNoDeadEnd(replies: readonly Reply[]): string | undefined {
  const dead = deadEndOf(replies);
  return dead ? `no dead end (got ${dead.kind})` : undefined;
}

export interface TurnCheckContext {
  readonly lang: Lang;
  readonly literals: readonly string[];
  readonly articles: ArticleIndex;
  /** The last ticket id shown before this turn. */
  readonly lastTicket?: string;
}

/** Every check the turn asks for, plus noDeadEnd and the scenario's language unless switched off. */
export function checkTurn(turn: Turn, replies: readonly Reply[], ctx: TurnCheckContext): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const add = (check: CheckName, expected: string | undefined) => expected && failures.push({ check, expected });
  if (turn.lang !== 'any') add('lang', checkLang(replies, turn.lang ?? ctx.lang, ctx.literals));
  if (turn.article) add('article', checkArticle(replies, turn.article, ctx.articles));
  if (turn.says) add('says', checkSays(replies, turn.says));
  if (turn.not) add('not', checkNot(replies, turn.not));
  if (turn.ticket !== undefined) add('ticket', checkTicket(replies, turn.ticket, ctx.lastTicket));
  if (turn.noDeadEnd !== false) add('noDeadEnd', checkNoDeadEnd(replies));
  return failures;
}
