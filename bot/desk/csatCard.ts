import { CardFactory, type Attachment } from 'botbuilder';
import { deskMessages } from '../i18n/deskMessages.js';
import type { Locale } from '../i18n/locale.js';

export const CSAT_COMMENT_CHARS = 500;

/** A satisfaction answer as the card's buttons send it (with the comment box's value, when filled in). */
export interface CsatAnswer {
  readonly ticketId: string;
  readonly rating: number;
  readonly comment?: string;
}

/**
 * The short survey after Resolve (Adaptive Card 1.5), in the customer's language: an optional comment
 * and one button per score, so a single click answers. Nothing waits for it: the chat goes on either way.
 */
export function csatCard(ticketId: string, locale: Locale): Attachment {
  const m = deskMessages(locale);
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: m.csatTitle, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: m.csatPrompt(ticketId), wrap: true },
      { type: 'Input.Text', id: 'comment', label: m.csatCommentLabel, isMultiline: true, maxLength: CSAT_COMMENT_CHARS },
    ],
    actions: m.csatScale.map((title, i) => ({ type: 'Action.Submit', title, data: { csat: ticketId, rating: i + 1 } })),
  });
}

/** A survey answer from an activity's value, or undefined when it is not one (or is malformed). */
export function csatAnswerOf(value: unknown): CsatAnswer | undefined {
  const v = value as { csat?: unknown; rating?: unknown; comment?: unknown } | undefined;
  const rating = typeof v?.rating === 'string' ? Number(v.rating) : v?.rating;
  if (typeof v?.csat !== 'string' || typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) return undefined;
  const comment = typeof v.comment === 'string' ? v.comment.trim().slice(0, CSAT_COMMENT_CHARS) : '';
  return { ticketId: v.csat, rating, ...(comment !== '' && { comment }) };
}
