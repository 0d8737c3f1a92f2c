import { ActivityTypes, type ConversationState, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Reseller } from '../directory/types.js';
import { messages } from '../i18n/messages.js';
import { errorFields, type Logger } from '../log.js';
import { messageText } from '../messageText.js';
import { wasClipped } from '../messageBound.js';
import { TRUNCATED_MARK } from '../tickets/cleanText.js';
import type { TicketStore } from '../tickets/types.js';
import { handoffStatusOf, type HandoffState } from './handoffState.js';

export const HANDOFF_STATUS_EVENT = 'handoff.status';

export interface HandoffRelayDeps {
  readonly conversationState: ConversationState;
  readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
  readonly tickets: TicketStore;
  readonly reseller: () => Reseller | undefined;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** A handoff nobody closed lapses after this long (default 7 days), so a customer is never left unanswered for good. */
  readonly maxAgeMs?: number;
}

/**
 * While a handoff is active the bot does not answer: each customer message is relayed to the ticket's
 * history for the agent, until the agent hub sends `handoff.status` completed or failed (or the reseller
 * resolves or closes the ticket). Runs before the bot, after the conversation log.
 */
export class HandoffRelay implements Middleware {
  constructor(private readonly deps: HandoffRelayDeps) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    const isStatus = a.type === ActivityTypes.Event && a.name === HANDOFF_STATUS_EVENT;
    if (a.type !== ActivityTypes.Message && !isStatus) return next();
    const active = await this.deps.handoff.get(context);
    if (!active) return next();
    if (isStatus) return this.onStatus(context, active);
    // A desk handoff's messages are the desk relay's (bot/desk/deskRelay.ts), which runs first.
    if (active.desk) return next();
    if (await this.lapsed(active)) {
      await this.deps.handoff.delete(context);
      this.deps.logger.info('handoff_lapsed', { ticket: active.ticketId, conversation: a.conversation?.id });
      return next();
    }
    const text = messageText(a);
    if (text !== '') {
      await this.deps.tickets
        .update(active.ticketId, { by: 'customer', note: wasClipped(a) ? `${text}${TRUNCATED_MARK}` : text })
        .catch((err: unknown) => this.deps.logger.error('handoff_relay_failed', { ticket: active.ticketId, ...errorFields(err) }));
    }
    this.deps.logger.info('handoff_relayed', { ticket: active.ticketId, conversation: a.conversation?.id });
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async onStatus(context: TurnContext, active: HandoffState): Promise<void> {
    const status = handoffStatusOf(context.activity.value);
    if (!status) {
      this.deps.logger.warn('handoff_status_unreadable', { ticket: active.ticketId });
      return;
    }
    const m = messages(active.locale).escalation.handoff;
    this.deps.logger.info('handoff_status', { ticket: active.ticketId, state: status.state });
    if (status.state === 'accepted') {
      await context.sendActivity(m.accepted);
    } else {
      await this.deps.handoff.delete(context);
      await context.sendActivity(
        status.state === 'completed' ? m.completed(active.ticketId) : m.failed(active.ticketId, this.deps.reseller()),
      );
    }
    await this.deps.tickets.update(active.ticketId, { by: 'bot', note: `Agent hub: handoff ${status.state}` }).catch(() => undefined);
    await this.deps.conversationState.saveChanges(context, false);
  }

  private async lapsed(active: HandoffState): Promise<boolean> {
    const age = (this.deps.now?.() ?? new Date()).getTime() - Date.parse(active.since);
    if (age > (this.deps.maxAgeMs ?? 7 * 24 * 3_600_000)) return true;
    const ticket = await this.deps.tickets.get(active.ticketId).catch(() => undefined);
    return ticket !== undefined && (ticket.status === 'resolved' || ticket.status === 'closed');
  }
}
