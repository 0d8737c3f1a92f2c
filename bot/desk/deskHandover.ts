import { TurnContext } from 'botbuilder';
import type { Reseller } from '../directory/types.js';
import { formatOpening, type SupportWindow } from '../escalation/supportHours.js';
import { bothLanguages, deskMessages } from '../i18n/deskMessages.js';
import type { Locale } from '../i18n/locale.js';
import { messages } from '../i18n/messages.js';
import { errorFields } from '../log.js';
import type { Ticket } from '../tickets/types.js';
import type { DeskHandoff } from './deskHandoffs.js';
import { teamName, type DeskParts } from './deskParts.js';

export interface HandOverInfo {
  readonly ticket: Ticket;
  readonly locale: Locale;
  /** The name the customer gave, or Teams showed. */
  readonly customerName?: string;
  /** Health of the services involved, both languages, as the ticket summary has it. */
  readonly health: { readonly 'zh-CN': string; readonly en: string };
  readonly window: SupportWindow;
}

/** What the desk did with a handoff: `handled` means the customer has been told; `hub` also wants the handoff event. */
export interface HandOverResult {
  readonly handled: boolean;
  readonly hub: boolean;
}

/**
 * Called by the handoff dialog once the ticket exists. HANDOFF_MODE=hub: nothing (the dialog does what it
 * always did). With a desk: the card is posted (out of hours too, marked so), the customer's chat is marked
 * for the relay, and the customer told when a person joins. Without a desk in desk mode: the ticket only,
 * and the customer told truthfully that the team will get back to them rather than chat here.
 */
export async function handOver(parts: DeskParts, context: TurnContext, info: HandOverInfo): Promise<HandOverResult> {
  const mode = parts.config.mode;
  if (mode === 'hub') return { handled: false, hub: true };
  const { ticket, locale, window } = info;
  const m = deskMessages(locale);
  const reseller = parts.directory.reseller();
  const nextOpen = !window.open && window.nextOpen ? window.nextOpen : undefined;
  const desk = await parts.registry.current();
  if (!desk) {
    if (mode === 'both') return { handled: false, hub: true };
    await context.sendActivity(
      m.ticketOnly(ticket.id, teamName(parts, m), nextOpen && formatOpening(nextOpen, locale, reseller?.timeZone)),
    );
    return { handled: true, hub: false };
  }
  await replacePrevious(parts, context);
  const handoff: DeskHandoff = {
    ticketId: ticket.id,
    locale,
    customer: { reference: TurnContext.getConversationReference(context.activity), ...(info.customerName && { name: info.customerName }) },
    desk: { channelId: desk.channelId, conversationId: desk.conversationId },
    health: info.health,
    createdAt: parts.now().toISOString(),
    outOfHours: !window.open,
    ...(nextOpen && { nextOpen: nextOpen.toISOString() }),
    state: 'waiting',
  };
  await parts.handoffs.create(handoff);
  try {
    await parts.board.post(desk, handoff, ticket);
  } catch (err) {
    // The desk could not be reached (the app was removed from the team, the channel is gone): the ticket stands.
    parts.logger.error('desk_post_failed', { ticket: ticket.id, ...errorFields(err) });
    await parts.handoffs.end(ticket.id, 'lapsed');
    await context.sendActivity(
      m.ticketOnly(ticket.id, teamName(parts, m), nextOpen && formatOpening(nextOpen, locale, reseller?.timeZone)),
    );
    return { handled: true, hub: false };
  }
  await parts.handoff.set(context, { ticketId: ticket.id, since: handoff.createdAt, locale, desk: true });
  parts.logger.info('desk_handoff_posted', { ticket: ticket.id, outOfHours: !window.open });
  await context.sendActivity(
    nextOpen && reseller ? afterHours(ticket.id, reseller, locale, nextOpen) : m.handedOver(ticket.id, teamName(parts, m)),
  );
  return { handled: true, hub: mode === 'both' };
}

/** Out of hours the customer hears what they always heard: when the team is back. */
function afterHours(ticketId: string, reseller: Reseller, locale: Locale, nextOpen: Date): string {
  return messages(locale).escalation.handoff.handedOverAfterHours(ticketId, reseller, formatOpening(nextOpen, locale, reseller.timeZone));
}

/** A second request from the same chat replaces the first on the desk, so no agent answers a stale one. */
async function replacePrevious(parts: DeskParts, context: TurnContext): Promise<void> {
  const previous = await parts.handoff.get(context);
  if (!previous?.desk) return;
  const { won, handoff } = await parts.handoffs.end(previous.ticketId, 'replaced');
  if (!won || !handoff) return;
  const desk = await parts.registry.current();
  await parts.board.refresh(handoff);
  await parts.board
    .notice(
      handoff,
      bothLanguages(desk?.locale ?? 'zh-CN', (d) => d.statusClosed),
    )
    .catch(() => undefined);
}
