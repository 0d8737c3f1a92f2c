/**
 * When a failed send to the channel is worth another try, and after how long. Plain TypeScript: it
 * reads the status, headers and code that the HTTP client puts on its errors, nothing more.
 */
export interface RetryPolicy {
  /** Tries in all, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry is started once this much time has passed since the first try (the turn has 15 s in all). */
  readonly budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ maxAttempts: 4, baseDelayMs: 400, maxDelayMs: 4_000, budgetMs: 9_000 });

/**
 * Teams asks bots to back off and retry 429, 412, 502 and 504. 500 and 503 and dropped connections are
 * retried too: the SDK's own retry policy (which we remove so that tries do not multiply) retried them.
 */
const RETRY_STATUS: ReadonlySet<number> = new Set([412, 429, 500, 502, 503, 504]);
const RETRY_CODE = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|UND_ERR_SOCKET|REQUEST_SEND_ERROR)$/;

interface HeaderBag {
  get?(name: string): string | undefined | null;
  [name: string]: unknown;
}
interface HttpishError {
  statusCode?: unknown;
  code?: unknown;
  response?: { status?: unknown; headers?: HeaderBag };
}

export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as HttpishError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : e.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function header(error: unknown, name: string): string | undefined {
  const headers = (error as HttpishError | null)?.response?.headers;
  if (!headers) return undefined;
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Retry-After in milliseconds: seconds or an HTTP date; the millisecond variants Azure services send win. */
export function retryAfterMs(error: unknown, nowEpochMs = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(header(error, name));
    if (Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = header(error, 'retry-after');
  if (value === undefined) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowEpochMs);
}

export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return RETRY_STATUS.has(status);
  const code = (error as HttpishError | null)?.code;
  return typeof code === 'string' && RETRY_CODE.test(code);
}

/**
 * The wait before try number `attempt + 1`, or undefined to give up: exponential back-off with jitter
 * (half fixed, half random, so that retries of parallel conversations spread out), never shorter than
 * Retry-After, and never past the policy's attempt count or time budget.
 */
export function retryDelay(error: unknown, attempt: number, elapsedMs: number, policy: RetryPolicy, random: () => number = Math.random): number | undefined {
  if (!isRetryable(error) || attempt >= policy.maxAttempts) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const backoff = ceiling / 2 + random() * (ceiling / 2);
  const delay = Math.max(backoff, retryAfterMs(error) ?? 0);
  return elapsedMs + delay > policy.budgetMs ? undefined : Math.round(delay);
}
