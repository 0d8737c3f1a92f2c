import type { ConversationState, Middleware, TurnContext } from 'botbuilder';
import { messageText } from '../messageText.js';
import type { DeskHandoff } from './deskHandoffs.js';
import { endByCustomer, relayFromCustomer } from './deskCustomer.js';
import type { DeskParts } from './deskParts.js';
import { isEndChat } from './deskPhrases.js';

/** A desk handoff nobody ended lapses after this long, as the hub's relay does. */
const MAX_AGE_MS = 7 * 24 * 3_600_000;

/**
 * The customer's side of a desk handoff, after the conversation log. While a person has the chat (taken),
 * or the desk is about to take it (in hours, not yet queued), each message goes to the desk and the
 * ticket, and the bot stays quiet; once queued, or out of hours, the bot answers as usual. "end chat" /
 * 「结束人工」 ends it; a handoff ended by an agent, lapsed, or whose ticket was resolved or closed by the
 * reseller's console, is cleared here and the bot answers.
 */
export class DeskRelay implements Middleware {
  constructor(
    private readonly parts: DeskParts,
    private readonly conversationState: ConversationState,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== 'message') return next();
    const active = await this.parts.handoff.get(context);
    if (!active?.desk) return next();
    const handoff = await this.parts.handoffs.get(active.ticketId);
    if (!handoff || (await this.over(handoff))) {
      await this.parts.handoff.delete(context);
      return next();
    }
    const text = messageText(context.activity);
    if (isEndChat(text)) {
      await endByCustomer(this.parts, context, handoff);
      await this.parts.handoff.delete(context);
    } else if (handoff.state === 'taken' || (!handoff.queuedAt && !handoff.outOfHours)) {
      await relayFromCustomer(this.parts, context, handoff, text);
    } else {
      return next();
    }
    await this.conversationState.saveChanges(context, false);
  }

  /** Ended on the desk, too old, or its ticket resolved or closed elsewhere (which then ends it here too). */
  private async over(handoff: DeskHandoff): Promise<boolean> {
    if (handoff.state === 'ended') return true;
    const old = this.parts.now().getTime() - Date.parse(handoff.createdAt) > MAX_AGE_MS;
    const ticket = old ? undefined : await this.parts.tickets.get(handoff.ticketId).catch(() => undefined);
    if (!old && ticket?.status !== 'resolved' && ticket?.status !== 'closed') return false;
    const { won, handoff: ended } = await this.parts.handoffs.end(handoff.ticketId, 'lapsed');
    if (won && ended) await this.parts.board.refresh(ended);
    this.parts.logger.info('desk_lapsed', { ticket: handoff.ticketId });
    return true;
  }
}
