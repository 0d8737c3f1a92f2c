/** The reseller's customer directory (issue: account set-up, billing and subscriptions). Plain data, no botbuilder. */
export interface Reseller {
  readonly name: string;
  /** e.g. { days: [1,2,3,4,5], start: '09:00', end: '18:00' } in `timeZone`. */
  readonly supportHours: { readonly days: readonly number[]; readonly start: string; readonly end: string };
  readonly timeZone: string; // 'Asia/Shanghai'
  readonly supportPhone: string;
  readonly supportEmail: string;
  readonly portalUrl: string;
  /** Where prospects sign up; the portal when absent. */
  readonly signUpUrl?: string;
  /**
   * Days off beyond the State Council's schedule (YYYY-MM-DD in `timeZone`), e.g. a company holiday, or a
   * year the shipped schedule does not cover yet. They win over the shipped schedule.
   */
  readonly holidays?: readonly string[];
  /** Working days that would otherwise be off (调休 make-up days of a year not shipped, or a weekend on call). */
  readonly extraWorkdays?: readonly string[];
}

export interface Contact {
  readonly name: string;
  readonly email: string;
  readonly phone?: string;
  /** Microsoft Entra object id, used to recognise the contact in Teams. */
  readonly aadObjectId?: string;
  readonly role?: 'admin' | 'billing' | 'user';
}

export interface Customer {
  readonly id: string;
  readonly company: string;
  readonly tenantId: string;
  /** e.g. contoso.partner.onmschina.cn */
  readonly initialDomain: string;
  readonly domains?: readonly string[];
  readonly contacts: readonly Contact[];
}

export type SubscriptionStatus = 'active' | 'trial' | 'suspended' | 'cancelled' | 'expired';

export interface Subscription {
  readonly id: string;
  readonly customerId: string;
  readonly offer: string; // 'Office 365 E3', 'Azure plan'
  /** Service ids (see bot/nlu service synonyms) the offer includes, e.g. ['exchange','sharepoint','teams']. */
  readonly services: readonly string[];
  readonly quantity: number;
  readonly unitPriceCny?: number;
  readonly status: SubscriptionStatus;
  readonly term: 'monthly' | 'annual' | 'triennial' | 'payg';
  readonly renewalDate?: string; // ISO date
  readonly autoRenew: boolean;
}

export interface InvoiceLine {
  readonly subscriptionId: string;
  readonly description: string;
  readonly quantity: number;
  readonly amountCny: number;
  /** Why the line is there; 'recurring' when absent. Lets the bot explain month-to-month differences. */
  readonly kind?: 'recurring' | 'proration' | 'usage' | 'credit';
}

export interface Invoice {
  readonly number: string;
  readonly customerId: string;
  readonly period: string; // '2026-10'
  readonly amountCny: number;
  readonly status: 'paid' | 'unpaid' | 'overdue';
  readonly dueDate: string;
  readonly lines: readonly InvoiceLine[];
  readonly fapiao: 'not_requested' | 'requested' | 'issued';
}

/** Who is asking in this conversation, once identified. */
export interface CustomerRef {
  readonly customerId: string;
  readonly contactEmail: string;
}

/** Everything in DATA_DIR/directory.json. */
export interface DirectoryData {
  readonly reseller?: Reseller;
  readonly customers: readonly Customer[];
  readonly subscriptions: readonly Subscription[];
  readonly invoices: readonly Invoice[];
}

/** The identified customer and the contact who is asking. */
export interface IdentifiedCustomer {
  readonly customer: Customer;
  readonly contact: Contact;
}
