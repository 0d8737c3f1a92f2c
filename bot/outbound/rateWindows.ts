/** At most `max` sends in any `ms` milliseconds. */
export interface RateWindow {
  readonly ms: number;
  readonly max: number;
}

/** Teams' documented "send to conversation" limits per bot per thread (a thread is a chat or a channel). */
export const TEAMS_THREAD_LIMITS: readonly RateWindow[] = Object.freeze([
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
]);

/**
 * The send times of one conversation, and how long the next send must wait so that every window
 * holds. Times are when a send finished: the channel has seen it by then, so spacing measured from
 * there is spacing the channel sees too.
 */
export class SendHistory {
  private readonly times: number[] = [];
  private readonly horizon: number;
  private inFlight = 0;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.horizon = Math.max(0, ...windows.map((w) => w.ms));
  }

  begin(): void {
    this.inFlight++;
  }

  finish(at: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.times.push(at);
    while (this.times.length > 0 && this.times[0]! <= at - this.horizon) this.times.shift();
  }

  /** Milliseconds until one more send fits; a send still in flight counts as if it finished now. */
  waitMs(now: number): number {
    let wait = 0;
    for (const { ms, max } of this.windows) {
      const recent = this.times.filter((t) => t > now - ms);
      const pending = Array.from({ length: this.inFlight }, () => now);
      const all = [...recent, ...pending].sort((a, b) => a - b);
      if (all.length >= max) wait = Math.max(wait, all[all.length - max]! + ms - now);
    }
    return wait;
  }

  /** True when nothing in it can constrain a future send. */
  isIdle(now: number): boolean {
    return this.inFlight === 0 && (this.times.length === 0 || this.times[this.times.length - 1]! <= now - this.horizon);
  }
}
