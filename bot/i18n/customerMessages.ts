import type { InvoiceChange } from '../directory/invoiceChanges.js';
import type { BillingTopic } from '../directory/billingTopic.js';
import type { ChangeRequest, SubscriptionChange } from '../directory/changeRequest.js';
import type { SetupTask, SignUpForm } from '../directory/signUpForm.js';
import type { Invoice, Reseller, Subscription } from '../directory/types.js';

/** Who the customer is, for the identification and "who is asking" messages. */
export interface IdentifyMessages {
  askDomain: string;
  domainHint: string;
  askEmail: string;
  emailHint: string;
  noMatch: string;
  /** Why we ask: the answer to 「为啥要提供域名」 at either question. */
  whyIdentify: string;
  domainLabel: string;
  emailLabel: string;
  tooManyTries(reseller: Reseller | undefined): string;
  identified(name: string, company: string): string;
  /** Shown in both languages at once: the tenant is not one of the reseller's customers. */
  unknownTenant(reseller: Reseller | undefined): string;
  notAContact(company: string, reseller: Reseller | undefined): string;
}

export interface SetupMessages {
  whichTask: string;
  taskHint: string;
  taskNames: Readonly<Record<SetupTask, string>>;
  signUpIntro: string;
  askCompany: string;
  companyHint: string;
  askPrefix: string;
  prefixHint: string;
  prefixTaken(prefix: string): string;
  askAdminName: string;
  nameHint: string;
  askAdminEmail: string;
  askMobile: string;
  mobileHint: string;
  askServices: string;
  servicesHint: string;
  /** What each sign-up question means, for "what is a domain prefix?" at that question. */
  signUpHelp: Readonly<Record<keyof SignUpForm, string>>;
  /** How each answer is named in "I've changed the … to …". */
  signUpLabels: Readonly<Record<keyof SignUpForm, string>>;
  confirmSignUp(form: SignUpForm): string;
  signUpCreated(ticketId: string, reseller: Reseller | undefined): string;
  signUpDeclined: string;
  offerOnBehalf(task: string): string;
  onBehalfCreated(ticketId: string, task: string): string;
  /** Ticket summaries, written in both languages for the support engineer. */
  signUpTicket(form: SignUpForm): string;
  onBehalfTicket(task: string, contact: string, company: string): string;
}

export interface BillingMessages {
  invoiceSummary(invoice: Invoice): string;
  whatNext: string;
  topicNames: Readonly<Record<Exclude<BillingTopic, 'latest'>, string>>;
  askPeriod: string;
  periodHint: string;
  noInvoices: string;
  periodNotFound(period: string, available: readonly string[]): string;
  invoiceNotFound(number: string): string;
  changesIntro(current: Invoice, previous: Invoice | undefined): string;
  change(change: InvoiceChange): string;
  noChanges: string;
  due(open: readonly Invoice[]): string;
  fapiao(invoices: readonly Invoice[]): string;
  offerFapiao(invoice: Invoice): string;
  fapiaoRequested(ticketId: string, invoice: Invoice): string;
  offerEscalation: string;
  escalated(ticketId: string): string;
  fapiaoTicket(invoice: Invoice, company: string): string;
  escalationTicket(question: string, company: string): string;
}

export interface SubscriptionMessages {
  list(subs: readonly Subscription[]): string;
  none: string;
  askChange: string;
  changeHint: string;
  changeNames: Readonly<Record<SubscriptionChange, string>>;
  askWhich: string;
  whichHint(count: number): string;
  askAddQuantity(offer: string, current: number): string;
  askReduceQuantity(offer: string, current: number): string;
  quantityHint(max: number): string;
  askPlan(offer: string): string;
  planHint: string;
  noTrial: string;
  nothingToChange(offer: string, change: SubscriptionChange): string;
  confirm(request: ChangeRequest): string;
  created(ticketId: string, reseller: Reseller | undefined): string;
  ticket(request: ChangeRequest, company: string): string;
}

/** Strings of the customer-directory dialogs: identification, account set-up, billing, subscriptions. */
export interface CustomerMessages {
  readonly identify: IdentifyMessages;
  readonly setup: SetupMessages;
  readonly billing: BillingMessages;
  readonly subscription: SubscriptionMessages;
  /** After three unusable answers: the handoff offer. */
  readonly giveUp: string;
  readonly declined: string;
  readonly noDirectory: string;
  ticketFailed(reseller: Reseller | undefined): string;
  /** "What's your phone number?": the reseller's support contacts. */
  contactUs(reseller: Reseller | undefined): string;
  /** An unidentified visitor already has the most open requests allowed. */
  ticketLimitVisitor(open: readonly string[], reseller: Reseller | undefined): string;
  /** Too many requests from unidentified visitors this hour. */
  ticketLimitHourly(reseller: Reseller | undefined): string;
}
