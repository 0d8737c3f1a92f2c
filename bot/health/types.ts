/** Service health as the bot shows it (issue: health checks). Plain data, no botbuilder. */

/** Microsoft Graph serviceHealthStatus values we know, plus `unknown` when a source could not answer. */
export const HEALTH_STATUSES = [
  'serviceOperational',
  'investigating',
  'restoringService',
  'verifyingService',
  'serviceRestored',
  'postIncidentReviewPublished',
  'serviceDegradation',
  'serviceInterruption',
  'extendedRecovery',
  'falsePositive',
  'investigationSuspended',
  'resolved',
  'mitigatedExternal',
  'mitigated',
  'resolvedExternal',
  'confirmed',
  'reported',
  'unknown',
] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** Statuses that mean the service (or an issue) is fine again. */
const SETTLED: ReadonlySet<HealthStatus> = new Set([
  'serviceOperational',
  'serviceRestored',
  'postIncidentReviewPublished',
  'falsePositive',
  'resolved',
  'resolvedExternal',
  'mitigated',
  'mitigatedExternal',
]);

/** Statuses a reseller may give an incident that is still going on. */
export const ACTIVE_STATUSES: readonly HealthStatus[] = HEALTH_STATUSES.filter((s) => !SETTLED.has(s) && s !== 'unknown');

export function isSettled(status: HealthStatus): boolean {
  return SETTLED.has(status);
}

/** Graph writes "ServiceOperational" in some answers and "serviceOperational" in others; anything new is unknown. */
export function toHealthStatus(value: unknown): HealthStatus {
  if (typeof value !== 'string' || value === '') return 'unknown';
  const camel = value.charAt(0).toLowerCase() + value.slice(1);
  return (HEALTH_STATUSES as readonly string[]).includes(camel) ? (camel as HealthStatus) : 'unknown';
}

/** An incident or advisory affecting one of our services (ids from bot/nlu/serviceNames.ts). */
export interface HealthIssue {
  readonly id: string;
  readonly service: string;
  readonly classification: 'incident' | 'advisory';
  readonly status: HealthStatus;
  /** Untrusted text (Graph or the reseller's CLI): always shown literally. */
  readonly title: string;
  readonly impact: string;
  /** ISO instants. */
  readonly startTime: string;
  readonly lastUpdate: string;
  readonly resolved: boolean;
  readonly origin: 'graph' | 'reseller';
}

/** One service's health: `unknown` when the source failed or does not cover it, never a guessed "healthy". */
export interface ServiceHealthReport {
  readonly service: string;
  readonly status: HealthStatus;
  /** Unresolved incidents and advisories, newest first. */
  readonly issues: readonly HealthIssue[];
}

/** What became of an issue someone asked to be told about. */
export type IssueLookup =
  { readonly kind: 'found'; readonly issue: HealthIssue } | { readonly kind: 'gone' } | { readonly kind: 'unknown' };

/** A place that knows about service health. Implementations never throw: failures come back as `unknown`. */
export interface HealthSource {
  /** Reports for these service ids, in the same order. */
  check(services: readonly string[]): Promise<ServiceHealthReport[]>;
  /** One issue by id, resolved or not; `gone` when the source no longer lists it, `unknown` when it could not be asked. */
  issue(id: string): Promise<IssueLookup>;
}

/** Active statuses from least to most serious; anything settled ranks below unknown, which ranks below these. */
const SERIOUSNESS: readonly HealthStatus[] = [
  'investigationSuspended',
  'reported',
  'confirmed',
  'verifyingService',
  'investigating',
  'restoringService',
  'extendedRecovery',
  'serviceDegradation',
  'serviceInterruption',
];

function rank(s: HealthStatus): number {
  if (isSettled(s)) return 0;
  if (s === 'unknown') return 1;
  return 2 + SERIOUSNESS.indexOf(s);
}

/** The worse of two statuses for a service's summary line: an active problem beats unknown, which beats fine. */
export function worse(a: HealthStatus, b: HealthStatus): HealthStatus {
  return rank(b) > rank(a) ? b : a;
}

/** Which services a status answer covers. */
export type HealthScope =
  { readonly kind: 'named' } | { readonly kind: 'customer'; readonly company: string } | { readonly kind: 'monitored' };

/** What the troubleshooting walk-through's buttons mean. */
export type CheckAnswer = 'fixed' | 'next';
