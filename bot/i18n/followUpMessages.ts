import type { Invoice, InvoiceLine, Subscription } from '../directory/types.js';
import type { HealthIssue, HealthStatus } from '../health/types.js';

/** Answers to a short follow-up about what the bot just showed: an invoice, a subscription or an incident. */
export interface FollowUpMessages {
  /** When the invoice is due, and whether it is paid. `today` is YYYY-MM-DD, China time. */
  due(invoice: Invoice, today: string): string;
  /** What one line of an invoice is for; a proration is charged by the day for part of a month. */
  line(line: InvoiceLine, invoice: Invoice): string;
  /** The customer named an amount that is on no line of the invoice. */
  noSuchLine(amount: string, invoice: Invoice): string;
  /** There is no invoice before this one. */
  noEarlier(invoice: Invoice): string;
  /** When the subscription ends or renews, and whether it renews by itself. */
  term(sub: Subscription, today: string): string;
  /** What the subscription costs. */
  price(sub: Subscription): string;
  /** When an incident will be over: 21Vianet publishes no estimate until it is fixed; its latest update. */
  eta(issue: HealthIssue): string;
  /** Who and what an incident affects. */
  impact(issue: HealthIssue): string;
  /** "How long has it been going on?": when it started and when it was last updated. */
  since(issue: HealthIssue): string;
  /** The status of another service asked about during an incident ("does it affect Teams too?"). */
  /** `also`: the service shown before has an issue too. */
  otherService(service: string, status: HealthStatus, issues: number, also: boolean): string;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
