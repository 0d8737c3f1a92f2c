import type { Ticket, TicketStore } from './types.js';

/**
 * A ticket as one customer may see it: another customer's ticket reads exactly like a missing one,
 * so nobody can learn that an id exists, let alone what it is about, by guessing numbers.
 */
export async function ticketFor(tickets: TicketStore, customerId: string, rawId: string): Promise<Ticket | undefined> {
  const ticket = await tickets.get(rawId);
  return ticket !== undefined && ticket.customer !== undefined && ticket.customer === customerId ? ticket : undefined;
}
