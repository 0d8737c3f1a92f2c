import { randomUUID } from 'node:crypto';
import { messages } from '../i18n/messages.js';
import { KeyedQueue } from '../keyedQueue.js';
import { errorFields, type Logger } from '../log.js';
import type { CustomerDirectory } from '../directory/customerDirectory.js';
import { PARTNER_CENTER_RETRY, PartnerCenterError } from '../partnerCenter/errors.js';
import type { ServiceRequestApi } from '../partnerCenter/partnerCenterClient.js';
import type { Notifier } from '../proactive/notifier.js';
import { backoffDelay, REAL_CLOCK, withRetry, type RetryClock, type RetryOptions, type RetryPolicy } from '../retry.js';
import { DEFAULT_LEASE_MS } from '../store/lease.js';
import type { TicketStore } from '../tickets/types.js';
import type { OutboxEntry, ServiceRequestOutbox } from './serviceRequestOutbox.js';

export type SubmitOutcome =
  | { readonly kind: 'submitted'; readonly partnerCenterId: string }
  | { readonly kind: 'queued' }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'manual' };

export interface SubmitterDeps {
  readonly outbox: ServiceRequestOutbox;
  /** The plain store: the submitter tells the customer itself, so no status-change notification is wanted. */
  readonly tickets: TicketStore;
  readonly api: ServiceRequestApi;
  readonly logger: Logger;
  readonly notifier?: Notifier;
  readonly directory?: Pick<CustomerDirectory, 'reseller'>;
  readonly retry?: Partial<RetryPolicy & RetryClock>;
  /** Background drain interval. */
  readonly intervalMs?: number;
  /** Between drains, an entry waits base·2^attempts (with jitter), at most this long. */
  readonly maxBackoffMs?: number;
  /** How long a claim on an entry lasts: longer than any attempt series, short enough to outlive a crash. */
  readonly leaseMs?: number;
}

/**
 * Submits queued service requests to Partner Center. In a turn (`submitNow`) it tries briefly and
 * leaves the rest to the background drain, which retries with backoff until Partner Center answers.
 * Every attempt of one entry carries the entry's MS-RequestId, so a retry never files a second request.
 */
export class ServiceRequestSubmitter {
  private readonly queue = new KeyedQueue();
  private readonly retry: RetryOptions & RetryClock;
  private timer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private readonly stopping = new AbortController();
  /** This instance, as the owner of its outbox claims. */
  private readonly owner = randomUUID();

  constructor(private readonly deps: SubmitterDeps) {
    this.retry = { ...PARTNER_CENTER_RETRY, ...REAL_CLOCK, ...deps.retry };
  }

  /** One short attempt series inside a turn: after `budgetMs` it stops waiting and leaves the rest to the drain. */
  submitNow(ticketId: string, budgetMs = 8000): Promise<SubmitOutcome> {
    const signal = AbortSignal.any([this.stopping.signal, AbortSignal.timeout(budgetMs)]);
    return this.attempt(ticketId, { ...this.retry, budgetMs, maxAttempts: Math.min(this.retry.maxAttempts, 3) }, false, signal);
  }

  /** Starts the background drain (first pass at once: entries left by a previous run or the console). */
  start(): void {
    if (this.timer || this.stopping.signal.aborted) return;
    const tick = () => {
      this.drain().finally(() => {
        if (!this.stopping.signal.aborted) this.timer = setTimeout(tick, this.deps.intervalMs ?? 60_000).unref();
      });
    };
    tick();
  }

  /** One pass over due entries; concurrent calls share the pass. */
  drain(): Promise<void> {
    return (this.draining ??= this.drainDue().finally(() => (this.draining = undefined)));
  }

  /** Stops the timer, aborts a request in flight (it stays pending), and waits for the pass to end. */
  async stop(): Promise<void> {
    this.stopping.abort(new Error('stopping'));
    clearTimeout(this.timer);
    await this.draining?.catch(() => undefined);
    await this.queue.idle();
  }

  private async drainDue(): Promise<void> {
    let due: OutboxEntry[];
    try {
      due = await this.deps.outbox.due(new Date(this.retry.now()));
    } catch (err) {
      this.deps.logger.error('outbox_read_failed', { ...errorFields(err) });
      return;
    }
    for (const entry of due) {
      if (this.stopping.signal.aborted) return;
      await this.attempt(entry.ticketId, this.retry, true, this.stopping.signal).catch((err: unknown) =>
        this.deps.logger.error('service_request_drain_failed', { ticket: entry.ticketId, ...errorFields(err) }),
      );
    }
  }

  private attempt(ticketId: string, retry: RetryOptions, background: boolean, signal: AbortSignal): Promise<SubmitOutcome> {
    return this.queue.run(ticketId, async () => {
      const now = this.retry.now();
      // Another attempt may have just rescheduled it (the turn's own try, say): not due after all.
      const due = (e: OutboxEntry) => !background || Date.parse(e.nextAttemptAt) <= now;
      const { entry, held } = await this.deps.outbox.claim(ticketId, this.owner, now, this.deps.leaseMs ?? DEFAULT_LEASE_MS, due);
      if (entry.state === 'submitted') return { kind: 'submitted', partnerCenterId: entry.partnerCenterId! };
      if (entry.state === 'failed') return { kind: 'rejected' };
      if (entry.state === 'manual') return { kind: 'manual' };
      // Not due, or another instance is submitting it right now: that one tells the customer.
      if (!held) return { kind: 'queued' };
      let tries = 0;
      try {
        const { id } = await withRetry(
          () => {
            tries++;
            return this.deps.api.create(entry.draft, entry.requestId, entry.ticketId, signal);
          },
          retry,
          signal,
        );
        await this.succeeded(entry, id, tries, background);
        return { kind: 'submitted', partnerCenterId: id };
      } catch (err) {
        if (signal.aborted && !(err instanceof PartnerCenterError)) {
          // Out of time (the turn's budget, or shutting down): the same request goes again later.
          const at = this.retry.now();
          await this.deps.outbox.update(ticketId, (e) => ({
            ...e,
            attempts: e.attempts + tries,
            lastError: 'interrupted',
            updatedAt: new Date(at).toISOString(),
            nextAttemptAt: new Date(at + 30_000).toISOString(),
          }));
          return { kind: 'queued' };
        }
        return this.failed(entry, err, tries, background);
      }
    });
  }

  private async succeeded(entry: OutboxEntry, id: string, tries: number, background: boolean): Promise<void> {
    const at = new Date(this.retry.now()).toISOString();
    // The id is on record before anyone is told; a crash before this line retries with the same MS-RequestId.
    await this.deps.outbox.update(entry.ticketId, (e) => ({
      ...e,
      state: 'submitted',
      partnerCenterId: id,
      attempts: e.attempts + tries,
      updatedAt: at,
      lastError: undefined,
    }));
    await this.deps.tickets.update(entry.ticketId, {
      status: 'escalated',
      by: 'bot',
      links: { partnerCenterId: id },
      note: `Submitted to Partner Center as service request ${id}`,
    });
    this.deps.logger.info('service_request_submitted', { ticket: entry.ticketId, attempts: entry.attempts + tries });
    if (background && entry.requester) await this.tell(entry, (m) => m.laterSubmitted(entry.ticketId, id));
  }

  private async failed(entry: OutboxEntry, err: unknown, tries: number, background: boolean): Promise<SubmitOutcome> {
    const code = err instanceof PartnerCenterError ? err.code : err instanceof Error ? err.name : 'unknown';
    const permanent = err instanceof PartnerCenterError && err.failure === 'permanent';
    const now = this.retry.now();
    const attempts = entry.attempts + tries;
    const wait = Math.max(
      backoffDelay(attempts, { baseDelayMs: 30_000, maxDelayMs: this.deps.maxBackoffMs ?? 3_600_000, random: this.retry.random }),
      err instanceof PartnerCenterError ? (err.retryAfterMs ?? 0) : 0,
    );
    await this.deps.outbox.update(entry.ticketId, (e) => ({
      ...e,
      attempts,
      lastError: code,
      updatedAt: new Date(now).toISOString(),
      ...(permanent ? { state: 'failed' as const } : { nextAttemptAt: new Date(now + wait).toISOString() }),
    }));
    this.deps.logger.warn(permanent ? 'service_request_rejected' : 'service_request_deferred', {
      ticket: entry.ticketId,
      error: code,
      attempts,
    });
    if (!permanent) return { kind: 'queued' };
    await this.deps.tickets.update(entry.ticketId, {
      by: 'bot',
      note: `Partner Center refused the service request (${code}); file it by hand`,
    });
    if (background && entry.requester) await this.tell(entry, (m) => m.laterFailed(entry.ticketId, this.deps.directory?.reseller()));
    return { kind: 'rejected' };
  }

  private async tell(entry: OutboxEntry, text: (m: ReturnType<typeof messages>['escalation']['report']) => string): Promise<void> {
    try {
      await this.deps.notifier?.notify(entry.requester!, (locale) => text(messages(locale).escalation.report));
    } catch (err) {
      this.deps.logger.warn('notify_failed', { ticket: entry.ticketId, ...errorFields(err) });
    }
  }
}
