import { PartnerCenterError } from './errors.js';

export interface RetryOptions {
  /** Attempts in one go, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Give up (leaving the rest to the outbox) rather than wait past this many ms in total. */
  readonly budgetMs: number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly random: () => number;
  readonly now: () => number;
}

export const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, budgetMs: 60_000, sleep: realSleep, random: Math.random, now: Date.now };

/** Exponential backoff with full jitter: a random delay up to base·2^(attempt-1), capped. */
export function backoffDelay(attempt: number, o: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(o.random() * ceiling);
}

/**
 * Runs `op` until it succeeds, fails for good, or the attempts or time budget run out. Transient failures
 * wait the backoff, or at least Retry-After when the server sent one. The error that ends the loop is
 * rethrown; its `retryAfterMs` then says how long the caller should wait before trying again.
 */
export async function withRetry<T>(op: (attempt: number) => Promise<T>, o: RetryOptions, signal?: AbortSignal): Promise<T> {
  const started = o.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await op(attempt);
    } catch (err) {
      if (!(err instanceof PartnerCenterError) || err.failure === 'permanent' || attempt >= o.attempts) throw err;
      if (err.failure === 'auth' && attempt > 1) throw err; // one fresh token is all a retry can fix
      const delay = Math.max(backoffDelay(attempt, o), err.retryAfterMs ?? 0);
      if (o.now() - started + delay > o.budgetMs) throw err;
      await o.sleep(delay, signal);
    }
  }
}
