import type { Locale } from '../i18n/locale.js';

/** 21Vianet's severity levels: A critical, B high, C low (Partner Center: critical, moderate, minimal). */
export const SEVERITIES = ['A', 'B', 'C'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a service request to 21Vianet needs, as the report_problem dialog collects it. Plain data. */
export interface ServiceRequestDraft {
  readonly title: string;
  readonly description: string;
  /** A service id from bot/nlu/serviceNames.ts, or 'other'. */
  readonly service: string;
  readonly severity: Severity;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly preferredLanguage: Locale;
  readonly tenantId?: string;
  readonly subscriptionId?: string;
  readonly correlationId?: string;
  /** When the problem started (ISO instant). */
  readonly startedAt?: string;
  readonly company?: string;
  readonly customerId?: string;
  /** The reseller ticket this came from, when escalated from one. */
  readonly resellerTicketId?: string;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** The questions of the report-a-problem form, in the order they are asked. */
export const REPORT_FIELDS = [
  'service',
  'severity',
  'title',
  'description',
  'startedAt',
  'correlationId',
  'subscriptionId',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
