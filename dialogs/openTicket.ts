import type { TurnContext } from 'botbuilder';
import type { Reseller } from '../bot/directory/types.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import type { CustomerMessages } from '../bot/i18n/customerMessages.js';
import type { Recipient } from '../bot/proactive/notifier.js';
import { TicketLimitError } from '../bot/tickets/anonymousLimits.js';
import type { NewTicket, Ticket, TicketStore } from '../bot/tickets/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { FocusTracker } from './focusTracker.js';

/** Who wrote this turn's message, so a later status change can be sent back to them (bot/proactive). */
export function requesterOf(context: TurnContext): Recipient | undefined {
  const { channelId, from } = context.activity;
  return channelId && from?.id ? { channelId, userId: from.id } : undefined;
}

/** Both languages of a ticket summary, from the same message function. */
export function bilingual(build: (m: CustomerMessages) => string): NewTicket['summary'] {
  return { 'zh-CN': build(messages('zh-CN').customer), en: build(messages('en').customer) };
}

/**
 * Creates a reseller ticket; resolves once it is durably stored, and makes it the conversation's focus. A storage failure, or a limit on
 * unidentified visitors' tickets, is told to the user with the reseller's contacts (and yields
 * undefined) rather than surfacing as an error.
 */
export async function openTicket(
  context: TurnContext,
  tickets: TicketStore,
  ticket: Omit<NewTicket, 'kind' | 'locale'>,
  reseller: Reseller | undefined,
  focus?: FocusTracker,
): Promise<Ticket | undefined> {
  const m: Messages = messages(turnLocale(context));
  const requester = requesterOf(context);
  let created: Ticket;
  try {
    created = await tickets.create({ kind: 'reseller', locale: turnLocale(context), ...(requester && { requester }), ...ticket });
  } catch (err) {
    const limited = err instanceof TicketLimitError;
    await context.sendActivity(
      !limited
        ? m.customer.ticketFailed(reseller)
        : err.limit === 'visitor'
          ? m.customer.ticketLimitVisitor(err.open, reseller)
          : m.customer.ticketLimitHourly(reseller),
    );
    return undefined;
  }
  // "How long will it take?" next is about this ticket.
  await focus?.show(context, { kind: 'ticket', id: created.id });
  return created;
}
