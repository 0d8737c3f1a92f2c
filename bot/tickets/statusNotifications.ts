import { messages } from '../i18n/messages.js';
import type { Logger } from '../log.js';
import type { Notifier } from '../proactive/notifier.js';
import type { StatusChangeListener } from './notifyingTicketStore.js';
import type { PendingNotifications } from './pendingNotifications.js';
import type { Ticket, TicketStore } from './types.js';

async function tell(notifier: Notifier, ticket: Ticket, note: string | undefined): Promise<void> {
  if (!ticket.requester) return;
  await notifier.notify(ticket.requester, (locale) => messages(locale).escalation.status.changed(ticket, note));
}

/** In the bot: tell the ticket's requester at once, in their language. */
export function notifyStatusChange(notifier: Notifier): StatusChangeListener {
  return (ticket, note) => tell(notifier, ticket, note);
}

/** In the console with no bot running: queue it for the bot to send when it starts. */
export function queueStatusChange(pending: PendingNotifications, now: () => Date = () => new Date()): StatusChangeListener {
  return async (ticket, note) => {
    if (ticket.requester) await pending.add({ ticketId: ticket.id, at: now().toISOString(), ...(note && { note }) });
  };
}

/** At start-up: what the console queued while the bot was down. */
export async function sendQueuedStatusChanges(
  pending: PendingNotifications,
  tickets: TicketStore,
  notifier: Notifier,
  logger: Logger,
): Promise<void> {
  const sent = await pending.drain(async (item) => {
    const ticket = await tickets.get(item.ticketId);
    if (ticket) await tell(notifier, ticket, item.note);
  });
  if (sent > 0) logger.info('queued_notifications_sent', { count: sent });
}
