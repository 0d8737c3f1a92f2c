import type { CustomerDirectory } from '../directory/customerDirectory.js';
import { errorFields, type Logger } from '../log.js';
import type { Ticket, TicketStore } from '../tickets/types.js';
import { deskCard } from './deskCard.js';
import type { DeskHandoff, DeskHandoffs } from './deskHandoffs.js';
import type { DeskRegistration, DeskRegistry } from './deskRegistry.js';
import { inThread, type DeskSender } from './deskSender.js';

/**
 * What the desk shows: each handoff's card, and the messages about it. In Teams a handoff lives in its
 * card's thread and the card is updated in place; in the Emulator or local Web Chat everything is a new
 * message in the desk chat (a redrawn card included, indexed so a reply to it reaches the ticket too).
 */
export class DeskBoard {
  constructor(
    private readonly deps: {
      readonly registry: DeskRegistry;
      readonly handoffs: DeskHandoffs;
      readonly sender: DeskSender;
      readonly tickets: TicketStore;
      readonly directory: Pick<CustomerDirectory, 'reseller' | 'customerById'>;
      readonly logger: Logger;
    },
  ) {}

  /** Posts a new handoff's card to the desk; resolves to the card's message id. */
  async post(desk: DeskRegistration, handoff: DeskHandoff, ticket: Ticket): Promise<string | undefined> {
    const id = await this.deps.sender.send(desk.reference, { attachments: [this.card(desk, handoff, ticket)] });
    if (id) await this.deps.handoffs.setCard(handoff.ticketId, id);
    return id;
  }

  /** The card again after a change of state. Failures are logged: the change itself already stands. */
  async refresh(handoff: DeskHandoff): Promise<void> {
    try {
      const desk = await this.deskOf(handoff);
      const ticket = await this.deps.tickets.get(handoff.ticketId);
      if (!desk || !ticket) return;
      const card = { attachments: [this.card(desk, handoff, ticket)] };
      if (desk.channelId === 'msteams' && handoff.cardId) {
        await this.deps.sender.update(inThread(desk.reference, handoff.cardId), handoff.cardId, card);
        return;
      }
      const id = await this.deps.sender.send(desk.reference, card);
      if (id) await this.deps.handoffs.indexCard(id, handoff.ticketId);
    } catch (err) {
      this.deps.logger.warn('desk_card_update_failed', { ticket: handoff.ticketId, ...errorFields(err) });
    }
  }

  /** A message about a handoff: in its card's thread in Teams, else in the desk chat. Throws when it fails. */
  async notice(handoff: DeskHandoff, text: string): Promise<void> {
    const desk = await this.deskOf(handoff);
    if (!desk) return;
    const reference = desk.channelId === 'msteams' && handoff.cardId ? inThread(desk.reference, handoff.cardId) : desk.reference;
    await this.deps.sender.send(reference, { text });
  }

  /** The desk the handoff was posted to, while it is still the registered one. */
  private async deskOf(handoff: DeskHandoff): Promise<DeskRegistration | undefined> {
    const desk = await this.deps.registry.current();
    const same = desk && desk.channelId === handoff.desk.channelId && desk.conversationId === handoff.desk.conversationId;
    return same ? desk : undefined;
  }

  private card(desk: DeskRegistration, handoff: DeskHandoff, ticket: Ticket) {
    const company = ticket.customer ? this.deps.directory.customerById(ticket.customer)?.company : undefined;
    const timeZone = this.deps.directory.reseller()?.timeZone;
    return deskCard({ ticket, handoff, first: desk.locale, ...(company && { company }), ...(timeZone && { timeZone }) });
  }
}
