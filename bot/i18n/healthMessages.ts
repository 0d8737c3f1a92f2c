import { isSettled, type CheckAnswer, type HealthScope, type HealthStatus } from '../health/types.js';

/** Strings of the service health dialog, the incident card and the incident-resolved notification. */
export interface HealthMessages {
  readonly statusNames: Readonly<Record<HealthStatus, string>>;
  serviceName(id: string): string;
  /** The heading before the per-service lines. */
  heading(scope: HealthScope): string;
  /** One service's line: icon, name and status. */
  line(service: string, status: HealthStatus): string;
  readonly incidentCardTitle: string;
  readonly advisory: string;
  readonly incident: string;
  readonly factService: string;
  readonly factStatus: string;
  readonly factType: string;
  readonly factStarted: string;
  readonly factUpdated: string;
  /** A time in China Standard Time, from "YYYY-MM-DD HH:mm". */
  chinaTime(formatted: string): string;
  moreIssues(count: number): string;
  readonly offerNotify: string;
  notifyConfirmed(count: number): string;
  readonly notifyDeclined: string;
  readonly notifyUnavailable: string;
  /** Said instead of "all fine" when some status could not be read. */
  unknownNote(services: readonly string[]): string;
  allHealthy(services: readonly string[]): string;
  readonly offerChecks: string;
  readonly checksDeclined: string;
  check(index: number, total: number, step: string): string;
  readonly checkAnswers: Readonly<Record<CheckAnswer, string>>;
  readonly talkToPerson: string;
  readonly checkHint: string;
  readonly checksFixed: string;
  readonly offerEscalation: string;
  readonly escalationDeclined: string;
  readonly noArticle: string;
  /** The proactive message once a watched incident is over; the title is already literal. */
  resolvedNotice(service: string, literalTitle: string): string;
}

/** The same marks in both languages: fine, unknown, or a problem. */
export function statusIcon(s: HealthStatus): string {
  return s === 'unknown' ? '❔' : isSettled(s) ? '✅' : '⚠️';
}
