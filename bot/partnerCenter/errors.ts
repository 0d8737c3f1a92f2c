import type { RetryOptions } from '../retry.js';

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

export function failureOfStatus(status: number): PartnerCenterFailure {
  if (status === 408 || status === 429 || status >= 500) return 'transient';
  if (status === 401) return 'auth';
  return 'permanent';
}

/**
 * Transient failures are retried with full jitter, at least Retry-After apart; an auth failure once,
 * since one fresh token is all a retry can fix. Whatever the budget leaves goes to the outbox.
 */
export const PARTNER_CENTER_RETRY: RetryOptions = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  budgetMs: 60_000,
  jitter: 1,
  retryable: (err: unknown, attempt: number) =>
    err instanceof PartnerCenterError && (err.failure === 'transient' || (err.failure === 'auth' && attempt === 1)),
  retryAfterMs: (err: unknown) => (err instanceof PartnerCenterError ? err.retryAfterMs : undefined),
});
