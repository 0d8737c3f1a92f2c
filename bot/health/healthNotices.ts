import { CorruptDataError } from '../store/errors.js';
import { HEALTH_STATUSES, type HealthIssue } from './types.js';

/** Resolved incidents are kept this long, so a watcher that was down still sees them end. */
const KEEP_RESOLVED_MS = 30 * 24 * 3600_000;

/** An incident or advisory the reseller entered with `npm run health`; `endTime` is set by `clear`. */
export type StoredIncident = Omit<HealthIssue, 'resolved' | 'origin'> & { readonly endTime?: string };

export interface HealthNoticesData {
  readonly nextNumber: number;
  readonly incidents: readonly StoredIncident[];
}

/** The reseller's own incidents, which `npm run health` maintains and the bot reads (HealthNoticeStore). */
export interface HealthNotices {
  /** The current notices; none yet is empty, a broken record throws CorruptDataError. */
  read(): Promise<HealthNoticesData>;
  /** Read, change and write back as one step; resolved incidents past the keep period are dropped. */
  update<T>(change: (data: HealthNoticesData) => { data: HealthNoticesData; result: T }, now: Date): Promise<T>;
}

export const NO_NOTICES: HealthNoticesData = { nextNumber: 1001, incidents: [] };

export function toIssue(i: StoredIncident): HealthIssue {
  return { ...i, resolved: i.endTime !== undefined, origin: 'reseller' };
}

function isIncident(v: unknown): v is StoredIncident {
  const i = v as Record<string, unknown>;
  return (
    typeof i === 'object' &&
    i !== null &&
    ['id', 'service', 'title', 'impact', 'startTime', 'lastUpdate'].every((k) => typeof i[k] === 'string') &&
    (i.classification === 'incident' || i.classification === 'advisory') &&
    (HEALTH_STATUSES as readonly unknown[]).includes(i.status) &&
    (i.endTime === undefined || typeof i.endTime === 'string')
  );
}

/** Checks stored notices; `where` names the file or key in the error. */
export function validateNotices(where: string, raw: unknown): HealthNoticesData {
  if (raw === undefined || raw === null) return NO_NOTICES;
  const d = raw as Record<string, unknown>;
  if (typeof d !== 'object' || !Array.isArray(d.incidents) || !Number.isInteger(d.nextNumber)) {
    throw new CorruptDataError(where, 'not a service health record');
  }
  const bad = d.incidents.findIndex((i) => !isIncident(i));
  if (bad >= 0) throw new CorruptDataError(where, `broken at incident ${bad + 1}`);
  return { nextNumber: d.nextNumber as number, incidents: d.incidents as StoredIncident[] };
}

/** Applies `change` and drops incidents that ended before the keep period. */
export function changeNotices<T>(
  current: HealthNoticesData,
  change: (data: HealthNoticesData) => { data: HealthNoticesData; result: T },
  now: Date,
): { data: HealthNoticesData; result: T } {
  const { data, result } = change(current);
  const cutoff = now.getTime() - KEEP_RESOLVED_MS;
  return { data: { ...data, incidents: data.incidents.filter((i) => i.endTime === undefined || Date.parse(i.endTime) >= cutoff) }, result };
}
