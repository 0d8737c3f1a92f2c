import { setTimeout as delay } from 'node:timers/promises';

/** How many tries, how far apart, and for how long in all: each caller has its own numbers. */
export interface RetryPolicy {
  /** Tries in all, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry is started whose wait would end more than this long after the first try. */
  readonly budgetMs: number;
  /** The random share of each back-off step: 1 waits anywhere in [0, step], 0.5 in [step/2, step]. */
  readonly jitter: number;
}

/** What a caller retries (its own statuses and error codes), and where its server says how long to wait. */
export interface RetryRules {
  readonly retryable: (error: unknown, attempt: number) => boolean;
  readonly retryAfterMs?: (error: unknown) => number | undefined;
}

/** Time as the retry loop sees it; tests pass a clock that only moves when someone sleeps. */
export interface RetryClock {
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now: () => number;
  readonly random: () => number;
}

export const REAL_CLOCK: RetryClock = { sleep: (ms, signal) => delay(ms, undefined, { signal }), now: Date.now, random: Math.random };

export type RetryOptions = RetryPolicy &
  RetryRules &
  Partial<RetryClock> & {
    readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  };

const MAX_RETRY_AFTER_MS = 3_600_000;

/** Retry-After as delta-seconds or an HTTP date, in ms from `now` (at most an hour); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const ms = /^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

/** Retry-After from response headers; the millisecond variants Azure services send win over it. */
export function retryAfterFromHeaders(get: (name: string) => string | null | undefined, now = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const value = get(name)?.trim();
    const ms = Number(value);
    if (value && Number.isFinite(ms) && ms >= 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  }
  return parseRetryAfter(get('retry-after'), now);
}

type Backoff = Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'> & { jitter?: number; random?: () => number };

/** Exponential back-off: step base·2^(attempt-1), capped, of which the `jitter` share (default all) is random. */
export function backoffDelay(attempt: number, o: Backoff): number {
  const step = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  const jitter = o.jitter ?? 1;
  return Math.round(step * (1 - jitter) + (o.random ?? Math.random)() * step * jitter);
}

/**
 * The wait before try `attempt + 1`, or undefined to give up: the back-off, never shorter than the
 * server's Retry-After, and never past the attempt count or the time budget.
 */
export function retryDelay(
  error: unknown,
  attempt: number,
  elapsedMs: number,
  o: RetryOptions,
  random = o.random ?? Math.random,
): number | undefined {
  if (attempt >= o.maxAttempts || !o.retryable(error, attempt)) return undefined;
  const wait = Math.round(Math.max(backoffDelay(attempt, { ...o, random }), o.retryAfterMs?.(error) ?? 0));
  return elapsedMs + wait > o.budgetMs ? undefined : wait;
}

/**
 * Runs `op` until it succeeds, fails for good, or the attempts or time budget run out; the error that
 * ends the loop is rethrown. An abort of `signal` ends a wait at once.
 */
export async function withRetry<T>(op: (attempt: number) => Promise<T>, o: RetryOptions, signal?: AbortSignal): Promise<T> {
  const now = o.now ?? REAL_CLOCK.now;
  const sleep = o.sleep ?? REAL_CLOCK.sleep;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await op(attempt);
    } catch (err) {
      const wait = retryDelay(err, attempt, now() - started, o);
      if (wait === undefined) throw err;
      o.onRetry?.(err, attempt, wait);
      await sleep(wait, signal);
    }
  }
}
