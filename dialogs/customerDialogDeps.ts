import type { Locale } from '../bot/i18n/locale.js';
import type { TicketStore } from '../bot/tickets/types.js';
import type { Recognizer } from '../bot/nlu/types.js';
import type { IdentityDeps } from './customerIdentity.js';
import type { FocusTracker } from './focusTracker.js';

/** An article as the customer dialogs show it (adapted from bot/knowledge in the app wiring). */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly string[];
  readonly url?: string;
}

export interface ArticleSource {
  get(id: string, locale: Locale): ArticleSummary | undefined;
}

/** Everything the account set-up, billing and subscription dialogs depend on. */
export interface CustomerDialogDeps {
  readonly identity: IdentityDeps;
  readonly tickets: TicketStore;
  readonly articles: ArticleSource;
  /** Tells a new request from an answer at the dialogs' questions. */
  readonly recognizer?: Recognizer;
  /** Where the dialogs note what they showed, for follow-up questions. */
  readonly focus?: FocusTracker;
  /** Clock for "last month" and similar; China time is applied when formatting. */
  readonly now?: () => Date;
}

/** Title, summary, numbered steps and link as one markdown message (our own article text). */
export function articleText(a: ArticleSummary): string {
  return [`**${a.title}**`, a.summary, ...a.steps.map((s, i) => `${i + 1}. ${s}`), ...(a.url ? [a.url] : [])].join('\n\n');
}
