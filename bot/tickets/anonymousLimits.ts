import type { Logger } from '../log.js';
import type { NewTicket, Ticket, TicketFilter, TicketStore } from './types.js';

export interface AnonymousTicketLimits {
  /** Open tickets one unidentified visitor (channel + user id) may have at once. */
  readonly openPerVisitor: number;
  /** New tickets from unidentified visitors, all of them together, in any hour. */
  readonly perHour: number;
}

/** Why a ticket was not created; the dialog tells the customer, the ticket store is unchanged. */
export class TicketLimitError extends Error {
  override readonly name = 'TicketLimitError';
  constructor(
    readonly limit: 'visitor' | 'hourly',
    /** The visitor's open tickets, when that was the limit. */
    readonly open: readonly string[] = [],
  ) {
    super(limit === 'visitor' ? 'Too many open tickets for this visitor' : 'Too many new anonymous tickets this hour');
  }
}

const HOUR_MS = 3_600_000;
/** How far back the checks look: more than an hour's worth at the hourly limit, bounded whatever the store holds. */
const LOOK_BACK = 500;
const OPEN: ReadonlySet<Ticket['status']> = new Set(['open', 'waiting_on_customer', 'escalated']);

/**
 * Tickets from visitors the bot could not identify (no directory customer) are limited, with defaults a
 * real customer never meets: an anonymous web page could otherwise file thousands. Identified
 * customers, and every other operation, pass straight through.
 */
export class LimitedTicketStore implements TicketStore {
  constructor(
    private readonly inner: TicketStore,
    private readonly limits: AnonymousTicketLimits,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    if (ticket.customer === undefined) await this.check(ticket);
    const created = await this.inner.create(ticket);
    // An escalation to the reseller's team: ids only, for the log and telemetry.
    this.logger.info('ticket_opened', { ticket: created.id, identified: ticket.customer !== undefined });
    return created;
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.inner.get(id);
  }

  list(filter?: TicketFilter): Promise<Ticket[]> {
    return this.inner.list(filter);
  }

  recent(count: number): Promise<Ticket[]> {
    return this.inner.recent(count);
  }

  update(id: string, change: Parameters<TicketStore['update']>[1]): Promise<Ticket> {
    return this.inner.update(id, change);
  }

  private async check(ticket: NewTicket): Promise<void> {
    const recent = (await this.inner.recent(LOOK_BACK)).filter((t) => t.customer === undefined);
    const since = this.now().getTime() - HOUR_MS;
    const r = ticket.requester;
    const mine = r
      ? recent.filter((t) => OPEN.has(t.status) && t.requester?.channelId === r.channelId && t.requester.userId === r.userId)
      : [];
    if (mine.length >= this.limits.openPerVisitor) {
      this.logger.warn('rate_limited', { limit: 'anonymous_open_per_visitor', max: this.limits.openPerVisitor, channel: r?.channelId });
      throw new TicketLimitError(
        'visitor',
        mine.map((t) => t.id),
      );
    }
    if (recent.filter((t) => Date.parse(t.createdAt) >= since).length >= this.limits.perHour) {
      this.logger.warn('rate_limited', { limit: 'anonymous_per_hour', max: this.limits.perHour });
      throw new TicketLimitError('hourly');
    }
  }
}
