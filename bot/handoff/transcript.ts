/** One line of the recent conversation, as kept for the handoff transcript and the ticket. */
export interface TranscriptLine {
  readonly role: 'user' | 'bot';
  readonly text: string;
  readonly at: string; // ISO time
}

/** What the reseller's engineer sees first in a handoff ticket. */
export interface HandoffSummary {
  /** Directory customer, or the name and contact an anonymous visitor gave. */
  readonly customer: { readonly company?: string; readonly id?: string; readonly name?: string; readonly contact?: string };
  readonly question: string;
  readonly intent: string;
  readonly score: number;
  readonly health: string;
  readonly transcript: readonly TranscriptLine[];
}
