/** Tickets the bot opens (issue: health checks and two-tier escalation). Plain data, no botbuilder. */
export type TicketKind = 'reseller' | '21vianet';
export type TicketStatus = 'open' | 'waiting_on_customer' | 'escalated' | 'resolved' | 'closed';

export interface TicketHistoryEntry {
  readonly at: string; // ISO time
  readonly status: TicketStatus;
  readonly note?: string;
  readonly by: 'bot' | 'reseller' | 'customer' | '21vianet';
  /** A fold entry: this many of the oldest relayed customer messages were taken out (see history.ts). */
  readonly folded?: number;
}

export interface TicketFilter {
  readonly customer?: string;
  readonly kind?: TicketKind;
  readonly status?: TicketStatus;
}

export interface TicketChange {
  readonly status?: TicketStatus;
  readonly note?: string;
  readonly by: TicketHistoryEntry['by'];
  readonly links?: Ticket['links'];
  /** The customer's satisfaction answer after a desk chat. */
  readonly csat?: Ticket['csat'];
}

export interface NewTicket {
  readonly kind: TicketKind;
  /** e.g. 'account_setup', 'subscription_change', 'billing', 'handoff', 'service_request'. */
  readonly category: string;
  /** Directory customer id; absent for a prospect signing up. */
  readonly customer?: string;
  readonly title: string;
  /** A summary for the support engineer in both languages. */
  readonly summary: { readonly 'zh-CN': string; readonly en: string };
  readonly locale: 'zh-CN' | 'en';
  /** Who opened it, so status changes can be sent back to them (see bot/proactive). */
  readonly requester?: { readonly channelId: string; readonly userId: string };
  /** Structured details collected by the dialog (sign-up form, change request, service request fields). */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface Ticket extends NewTicket {
  readonly id: string; // 'T-1024'
  readonly status: TicketStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly TicketHistoryEntry[];
  /** A reseller ticket escalated to 21Vianet records both ids. */
  readonly links?: { readonly escalatedTo?: string; readonly escalatedFrom?: string; readonly partnerCenterId?: string };
  /** The customer's rating (1–5) and optional comment, when they answered the survey after a desk chat. */
  readonly csat?: { readonly rating: number; readonly comment?: string; readonly at: string };
}

/** Creation resolves only once the ticket is durably stored: the bot confirms to the user after that. */
export interface TicketStore {
  create(ticket: NewTicket): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  list(filter?: TicketFilter): Promise<Ticket[]>;
  /** The newest `count` tickets, newest first: bounded work for checks about recent activity. */
  recent(count: number): Promise<Ticket[]>;
  update(id: string, change: TicketChange): Promise<Ticket>;
}
