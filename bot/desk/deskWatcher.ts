import { supportWindow } from '../escalation/supportHours.js';
import { bothLanguages, deskMessages } from '../i18n/deskMessages.js';
import { errorFields } from '../log.js';
import type { DeskHandoff } from './deskHandoffs.js';
import type { DeskParts } from './deskParts.js';

/**
 * Handoffs nobody took: once a handoff has waited DESK_TAKE_MINUTES (counted from the next opening when it
 * came in out of hours), and the team is at work, the customer is told it is queued
 * (the bot then answers them again) and the desk gets one reminder. The check runs on an unref'd timer,
 * so it never keeps the process alive, and stop() waits for a check under way.
 */
export class DeskWatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly parts: DeskParts,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; overlapping passes are skipped. */
  check(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) => this.parts.logger.warn('desk_check_failed', errorFields(err)))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    const now = this.parts.now();
    const reseller = this.parts.directory.reseller();
    if (reseller && !supportWindow(reseller, now).open) return;
    for (const h of await this.parts.handoffs.open()) {
      if (h.state !== 'waiting' || h.queuedAt || now.getTime() < this.dueAt(h)) continue;
      const { won, handoff } = await this.parts.handoffs.markQueued(h.ticketId);
      if (won && handoff) await this.queued(handoff);
    }
  }

  /** When the wait is over: take-minutes after it came in, or after the next opening if it came in out of hours. */
  private dueAt(h: DeskHandoff): number {
    const start = h.outOfHours ? (h.nextOpen ? Date.parse(h.nextOpen) : Infinity) : Date.parse(h.createdAt);
    return start + this.parts.config.takeMinutes * 60_000;
  }

  private async queued(h: DeskHandoff): Promise<void> {
    this.parts.logger.info('desk_queued', { ticket: h.ticketId });
    await this.parts.sender
      .send(h.customer.reference, { text: deskMessages(h.locale).queued(h.ticketId) })
      .catch((err: unknown) =>
        this.parts.logger.warn('desk_relay_failed', { ticket: h.ticketId, direction: 'to_customer', ...errorFields(err) }),
      );
    const desk = await this.parts.registry.current();
    await this.parts.board
      .notice(
        h,
        bothLanguages(desk?.locale ?? 'zh-CN', (m) => m.reminder(h.ticketId, this.parts.config.takeMinutes)),
      )
      .catch((err: unknown) =>
        this.parts.logger.warn('desk_relay_failed', { ticket: h.ticketId, direction: 'to_desk', ...errorFields(err) }),
      );
    await this.parts.board.refresh(h);
  }
}
