/**
 * Why a Partner Center call failed. `transient` may succeed on retry (network, timeout, 408, 429, 5xx),
 * `auth` needs the operator (an expired refresh token), `permanent` is a business failure (other 4xx):
 * retrying the same request would fail the same way.
 */
export type PartnerCenterFailure = 'transient' | 'auth' | 'permanent';

export class PartnerCenterError extends Error {
  override readonly name = 'PartnerCenterError';
  constructor(
    message: string,
    readonly failure: PartnerCenterFailure,
    readonly status?: number,
    /** From Retry-After, in milliseconds. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** A short code for logs and the outbox: no response bodies, which may echo customer text. */
  get code(): string {
    return this.status !== undefined ? `http_${this.status}` : this.failure === 'transient' ? 'network' : this.failure;
  }
}

const MAX_RETRY_AFTER_MS = 3_600_000;

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

export function failureOfStatus(status: number): PartnerCenterFailure {
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  if (status === 401) return 'auth';
  return 'permanent';
}
