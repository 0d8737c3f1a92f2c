/**
 * The last thing the bot showed, which a short follow-up is answered from first: "how soon does it take
 * effect?" after an article, "when do we have to pay it?" after an invoice, 「还剩几天」 after a trial.
 */
export type Focus =
  | { readonly kind: 'article'; readonly id: string }
  | { readonly kind: 'invoice'; readonly customerId: string; readonly number: string }
  /** `article`: the how-to that goes with the change under way, for questions the subscription's data cannot answer. */
  | { readonly kind: 'subscription'; readonly customerId: string; readonly id: string; readonly article?: string }
  | { readonly kind: 'incident'; readonly id: string }
  /** A status report with no incident: "what about email?" asks for another service's. */
  | { readonly kind: 'health'; readonly services: readonly string[] }
  /** A ticket just opened in this conversation: "how long will it take?" is about it. */
  | { readonly kind: 'ticket'; readonly id: string };

/** The focus as kept in conversation state, with the turns it has left. */
export interface FocusRecord {
  readonly focus: Focus;
  readonly turnsLeft: number;
  readonly at: string;
}

/** A follow-up must come within this many turns, and this many minutes. */
export const FOCUS_TURNS = 4;
export const FOCUS_MINUTES = 30;
