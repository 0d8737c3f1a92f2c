import { SendHistory, TEAMS_THREAD_LIMITS, type RateWindow } from './rateWindows.js';
import { DEFAULT_RETRY, retryDelay, statusOf, type RetryPolicy } from './retryPolicy.js';

export interface PacerOptions {
  readonly windows?: readonly RateWindow[];
  readonly retry?: RetryPolicy;
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

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends through the channel one at a time per conversation, in order, spaced to the channel's rate
 * limits, retrying throttled and transient failures with back-off. Plain TypeScript: it runs any
 * async `attempt`; the adapter hands it one activity at a time.
 */
export class OutboundPacer {
  private readonly windows: readonly RateWindow[];
  private readonly retry: RetryPolicy;
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
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.stallMs = options.stallMs ?? 5_000;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? realSleep;
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
    const started = this.now();
    for (let n = 1; ; n++) {
      for (let wait = history.waitMs(this.now()); wait > 0; wait = history.waitMs(this.now())) await this.sleep(wait);
      history.begin();
      const stall = setTimeout(release, this.stallMs);
      try {
        const result = await attempt();
        history.finish(this.now());
        return result;
      } catch (err) {
        history.finish(this.now());
        const delayMs = retryDelay(err, n, this.now() - started, this.retry, this.random);
        if (delayMs === undefined) throw err;
        const status = statusOf(err);
        this.onRetry({ key, attempt: n, delayMs, ...(status !== undefined && { status }) });
        await this.sleep(delayMs);
      } finally {
        clearTimeout(stall);
      }
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
