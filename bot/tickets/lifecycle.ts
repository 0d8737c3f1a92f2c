import { BadInputError } from '../errors.js';
import type { TicketStatus } from './types.js';

export const TICKET_STATUSES: readonly TicketStatus[] = ['open', 'waiting_on_customer', 'escalated', 'resolved', 'closed'];

/** Where a ticket may go from each status; a resolved or closed ticket can only be reopened (or closed). */
const NEXT: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ['waiting_on_customer', 'escalated', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'escalated', 'resolved', 'closed'],
  escalated: ['open', 'waiting_on_customer', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

/** Throws BadInputError for an unknown status or a change the lifecycle does not allow; same-status (a note) is fine. */
export function assertTransition(id: string, from: TicketStatus, to: TicketStatus): void {
  if (!isTicketStatus(to)) throw new BadInputError(`Unknown status "${String(to)}"; use ${TICKET_STATUSES.join(', ')}`);
  if (from !== to && !NEXT[from].includes(to))
    throw new BadInputError(`${id} is ${from}: it can go to ${NEXT[from].join(', ')}, not ${to}`);
}
