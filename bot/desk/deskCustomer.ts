import type { Activity, TurnContext } from 'botbuilder';
import { bothLanguages, deskMessages } from '../i18n/deskMessages.js';
import { errorFields } from '../log.js';
import { wasClipped } from '../messageBound.js';
import { literalForMessage } from '../text/literal.js';
import { TRUNCATED_MARK } from '../tickets/cleanText.js';
import type { CsatAnswer } from './csatCard.js';
import type { DeskHandoff } from './deskHandoffs.js';
import { attachmentLinks, relayedText, type DeskParts } from './deskParts.js';

/** Whether the activity comes from the customer chat the handoff was opened in. */
export function fromCustomerOf(handoff: DeskHandoff, activity: Partial<Activity>): boolean {
  const ref = handoff.customer.reference;
  return ref.channelId === activity.channelId && ref.conversation?.id !== undefined && ref.conversation.id === activity.conversation?.id;
}

/** A customer message to the desk (prefixed with the ticket id; in Teams, in the card's thread) and to the ticket's history. */
export async function relayFromCustomer(parts: DeskParts, context: TurnContext, handoff: DeskHandoff, text: string): Promise<void> {
  const desk = await parts.registry.current();
  const dm = deskMessages(desk?.locale ?? 'zh-CN');
  const body = relayedText(text, context.activity, dm);
  if (body === '') return;
  const who = handoff.customer.name ? literalForMessage(handoff.customer.name) : dm.customerLine;
  try {
    await parts.board.notice(handoff, dm.customerSays(handoff.ticketId, who, body));
  } catch (err) {
    parts.logger.error('desk_relay_failed', { ticket: handoff.ticketId, direction: 'to_desk', ...errorFields(err) });
  }
  // The history keeps the words as typed (with the links); the desk got them made literal.
  const note = [
    text === '' ? '' : wasClipped(context.activity) ? `${text}${TRUNCATED_MARK}` : text,
    ...attachmentLinks(context.activity, dm),
  ]
    .filter((l) => l !== '')
    .join('\n');
  await parts.tickets
    .update(handoff.ticketId, { by: 'customer', note })
    .catch((err: unknown) => parts.logger.error('handoff_relay_failed', { ticket: handoff.ticketId, ...errorFields(err) }));
  parts.logger.info('desk_relayed', { ticket: handoff.ticketId, direction: 'to_desk' });
}

/** 「结束人工」 / "end chat": the relay ends, the desk is told, the ticket stays open. */
export async function endByCustomer(parts: DeskParts, context: TurnContext, handoff: DeskHandoff): Promise<void> {
  const { won, handoff: ended } = await parts.handoffs.end(handoff.ticketId, 'customer');
  await context.sendActivity(deskMessages(handoff.locale).endedByCustomer(handoff.ticketId));
  if (!won || !ended) return;
  parts.logger.info('desk_ended', { ticket: handoff.ticketId, by: 'customer' });
  const desk = await parts.registry.current();
  await parts.board
    .notice(
      ended,
      bothLanguages(desk?.locale ?? 'zh-CN', (m) => m.customerEnded(handoff.ticketId)),
    )
    .catch(() => undefined);
  await parts.board.refresh(ended);
  await parts.tickets.update(handoff.ticketId, { by: 'customer', note: 'Ended the live chat / 客户结束了人工对话' }).catch(() => undefined);
}

/** The survey's answer, from the customer chat it was sent to only; stored once, with the ticket. */
export async function rate(parts: DeskParts, context: TurnContext, answer: CsatAnswer): Promise<void> {
  const handoff = await parts.handoffs.get(answer.ticketId);
  if (!handoff || !fromCustomerOf(handoff, context.activity)) {
    parts.logger.warn('desk_refused', { what: 'csat', conversation: context.activity.conversation?.id });
    return;
  }
  const m = deskMessages(handoff.locale);
  const csat = { rating: answer.rating, ...(answer.comment && { comment: answer.comment }), at: parts.now().toISOString() };
  const { won } = await parts.handoffs.rate(handoff.ticketId, csat);
  await context.sendActivity(m.csatThanks);
  if (!won) return;
  parts.logger.info('desk_csat', { ticket: handoff.ticketId, rating: answer.rating });
  const note = `Satisfaction ${answer.rating}/5 / 满意度 ${answer.rating}/5${answer.comment ? `: ${answer.comment}` : ''}`;
  await parts.tickets
    .update(handoff.ticketId, { by: 'customer', csat, note })
    .catch((err: unknown) => parts.logger.error('desk_csat_store_failed', { ticket: handoff.ticketId, ...errorFields(err) }));
  const desk = await parts.registry.current();
  await parts.board
    .notice(
      handoff,
      bothLanguages(desk?.locale ?? 'zh-CN', (d) => d.csatReceived(handoff.ticketId, answer.rating)),
    )
    .catch(() => undefined);
}
