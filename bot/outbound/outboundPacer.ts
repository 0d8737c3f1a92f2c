import { setTimeout as delay } from 'node:timers/promises';
import { retryAfterFromHeaders, withRetry, type RetryOptions } from '../retry.js';
import { SendHistory, TEAMS_THREAD_LIMITS, type RateWindow } from './rateWindows.js';

interface HttpishError {
  statusCode?: unknown;
  code?: unknown;
  response?: { status?: unknown; headers?: { get?(name: string): string | undefined | null; [name: string]: unknown } };
}

/** The status the connector client puts on its errors, if any. */
export function statusOf(error: unknown): number | undefined {
  const e = (typeof error === 'object' && error !== null ? error : {}) as HttpishError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : e.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Retry-After of a failed send, in ms: seconds, an HTTP date, or the millisecond headers. */
export function retryAfterMs(error: unknown, nowEpochMs = Date.now()): number | undefined {
  const headers = (error as HttpishError | null)?.response?.headers;
  if (!headers) return undefined;
  return retryAfterFromHeaders((name) => {
    const value = typeof headers.get === 'function' ? headers.get(name) : headers[name];
    return typeof value === 'string' ? value : undefined;
  }, nowEpochMs);
}

/**
 * Teams asks bots to back off and retry 429, 412, 502 and 504. 500 and 503 and dropped connections are
 * retried too: the SDK's own retry policy (which we remove so that tries do not multiply) retried them.
 */
const RETRY_STATUS: ReadonlySet<number> = new Set([412, 429, 500, 502, 503, 504]);
const RETRY_CODE = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|UND_ERR_SOCKET|REQUEST_SEND_ERROR)$/;

export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return RETRY_STATUS.has(status);
  const code = (error as HttpishError | null)?.code;
  return typeof code === 'string' && RETRY_CODE.test(code);
}

/** Half of each back-off step is random, so that retries of parallel conversations spread out; the turn has 15 s in all. */
export const TEAMS_RETRY: RetryOptions = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 400,
  maxDelayMs: 4_000,
  budgetMs: 9_000,
  jitter: 0.5,
  retryable: isRetryable,
  retryAfterMs: (error: unknown) => retryAfterMs(error),
});

export interface PacerOptions {
  readonly windows?: readonly RateWindow[];
  /**
   * A try that has not answered after this long stops holding its conversation's queue: the next
   * message goes out, so one hung request cannot silence a conversation (the turn budget ends the turn).
   */
  readonly stallMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  readonly onRetry?: (event: { key: string; attempt: number; status?: number; delayMs: number }) => void;
}

/**
 * Sends through the channel one at a time per conversation, in order, spaced to the channel's rate
 * limits, retrying throttled and transient failures with back-off. Plain TypeScript: it runs any
 * async `attempt`; the adapter hands it one activity at a time.
 */
export class OutboundPacer {
  private readonly windows: readonly RateWindow[];
  private readonly stallMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly onRetry: NonNullable<PacerOptions['onRetry']>;
  private readonly tails = new Map<string, Promise<void>>();
  private readonly histories = new Map<string, SendHistory>();
  private sends = 0;

  constructor(options: PacerOptions = {}) {
    this.windows = options.windows ?? TEAMS_THREAD_LIMITS;
    this.stallMs = options.stallMs ?? 5_000;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.random = options.random ?? Math.random;
    this.onRetry = options.onRetry ?? (() => undefined);
  }

  send<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(key, released);
    void released.then(() => {
      if (this.tails.get(key) === released) this.tails.delete(key);
    });
    return previous.then(async () => {
      try {
        return await this.sendNow(key, attempt, release);
      } finally {
        release();
      }
    });
  }

  private async sendNow<T>(key: string, attempt: () => Promise<T>, release: () => void): Promise<T> {
    const history = this.historyOf(key);
    let stall: NodeJS.Timeout | undefined;
    const onRetry = (err: unknown, n: number, delayMs: number) => {
      const status = statusOf(err);
      this.onRetry({ key, attempt: n, delayMs, ...(status !== undefined && { status }) });
    };
    try {
      return await withRetry(
        async () => {
          clearTimeout(stall); // the previous try's, which also covered its retry wait
          for (let wait = history.waitMs(this.now()); wait > 0; wait = history.waitMs(this.now())) await this.sleep(wait);
          history.begin();
          stall = setTimeout(release, this.stallMs);
          try {
            return await attempt();
          } finally {
            history.finish(this.now());
          }
        },
        { ...TEAMS_RETRY, sleep: this.sleep, now: this.now, random: this.random, onRetry },
      );
    } finally {
      clearTimeout(stall);
    }
  }

  private historyOf(key: string): SendHistory {
    if (++this.sends % 256 === 0) this.forgetIdle();
    let history = this.histories.get(key);
    if (!history) this.histories.set(key, (history = new SendHistory(this.windows)));
    return history;
  }

  /** Conversations whose windows have all passed need no memory. */
  private forgetIdle(): void {
    const now = this.now();
    for (const [key, history] of this.histories) if (history.isIdle(now)) this.histories.delete(key);
  }

  /** Resolves when every send queued so far has finished or stalled. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
