import { randomUUID } from 'node:crypto';
import { messages } from '../i18n/messages.js';
import { errorFields, type Logger } from '../log.js';
import type { Notifier } from '../proactive/notifier.js';
import { literalForMessage } from '../text/literal.js';
import type { HealthWatch, HealthWatchStore } from './healthWatchStore.js';
import { isSettled, type HealthSource } from './types.js';

export interface IncidentWatcherDeps {
  readonly source: HealthSource;
  readonly watches: HealthWatchStore;
  readonly notifier: Notifier;
  readonly logger: Logger;
  /** Time between polls; each poll starts after the previous one finished. */
  readonly intervalMs: number;
}

/** Rounds that reached no conversation before a watch is given up. */
const MAX_FAILURES = 3;

/**
 * Background poll: when an incident someone is watching has ended (resolved, or no longer listed by its
 * source), they get a proactive message. An unanswerable source just means "ask again next time".
 */
export class IncidentWatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  /** This instance, as the owner of the watches it is telling. */
  private readonly owner = randomUUID();

  constructor(private readonly deps: IncidentWatcherDeps) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /** No new polls; resolves when the one in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One round over every watch; also what the timer runs. */
  async pollOnce(): Promise<void> {
    const byIssue = new Map<string, HealthWatch[]>();
    for (const w of await this.deps.watches.list()) byIssue.set(w.issueId, [...(byIssue.get(w.issueId) ?? []), w]);
    for (const [issueId, watches] of byIssue) {
      const lookup = await this.deps.source.issue(issueId);
      if (lookup.kind === 'unknown') continue;
      if (lookup.kind === 'found' && !lookup.issue.resolved && !isSettled(lookup.issue.status)) continue;
      const title = lookup.kind === 'found' ? lookup.issue.title : undefined;
      // Every instance polls; the one that claims a watch is the one that tells its subscriber.
      for (const w of await this.deps.watches.claim(watches, this.owner)) await this.notify(w, title ?? w.title);
    }
  }

  private async notify(watch: HealthWatch, title: string): Promise<void> {
    let reached = 0;
    try {
      reached = await this.deps.notifier.notify(watch.recipient, (locale) =>
        messages(locale).health.resolvedNotice(watch.service, literalForMessage(title)),
      );
    } catch (err) {
      this.deps.logger.warn('incident_notify_failed', { issue: watch.issueId, ...errorFields(err) });
    }
    this.deps.logger.info('incident_resolved_notice', { issue: watch.issueId, channel: watch.recipient.channelId, reached });
    if (reached > 0 || (watch.failures ?? 0) + 1 >= MAX_FAILURES) await this.deps.watches.remove([watch]);
    else await this.deps.watches.failed([watch]);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pollOnce()
        .catch((err: unknown) => this.deps.logger.warn('incident_poll_failed', { ...errorFields(err) }))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.deps.intervalMs);
    // The poll alone never keeps the process alive.
    this.timer.unref();
  }
}
