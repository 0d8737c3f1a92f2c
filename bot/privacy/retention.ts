import { errorFields, type Logger } from '../log.js';
import type { DocumentStore } from '../store/documentStore.js';
import type { Ticket } from '../tickets/types.js';
import { redactPersonalData } from './redact.js';
import { expireState } from './stateExpiry.js';

export interface Purgeable {
  /** Deletes what was recorded before the cutoff; returns how many items went. */
  purge(cutoff: Date): Promise<number>;
}

export interface TicketRetention {
  rewriteWhere(pick: (t: Ticket) => boolean, scrub: (t: Ticket) => Ticket): Promise<number>;
}

export interface RetentionDeps {
  readonly days: number;
  /** Bot state (the `state/` namespace) and how long idle conversations keep it. */
  readonly state?: { readonly store: DocumentStore; readonly conversationDays: number };
  readonly feedback: Purgeable;
  readonly tickets: TicketRetention;
  readonly transcripts?: Purgeable;
  /** The agent desk's ended handoffs (who the customer was, their survey comment). */
  readonly desk?: Purgeable;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly intervalMs?: number;
}

export interface RetentionResult {
  readonly states: number;
  readonly transcriptLines: number;
  readonly feedbackTexts: number;
  readonly tickets: number;
  /** Only with a desk. */
  readonly deskHandoffs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FINISHED: ReadonlySet<Ticket['status']> = new Set(['closed', 'resolved']);

/** What a scrubbed ticket's summary says instead; summaries name people, which no pattern can find. */
export const SUMMARY_REMOVED = {
  'zh-CN': '（已过保留期，个人信息已删除）',
  en: '(personal data removed after the retention period)',
} as const;

/** A closed ticket keeps what statistics need (ids, kind, category, status, dates) and loses who and what was said. */
export function scrubTicket(t: Ticket, at: Date): Ticket {
  const { requester: _who, csat, ...rest } = t;
  return {
    ...rest,
    ...(csat && { csat: { rating: csat.rating, at: csat.at } }),
    title: redactPersonalData(t.title),
    summary: SUMMARY_REMOVED,
    details: { personalDataRemovedAt: at.toISOString() },
    history: t.history.map((h) => (h.note === undefined ? h : { ...h, note: redactPersonalData(h.note) })),
  };
}

function isScrubbable(t: Ticket, cutoff: Date): boolean {
  return FINISHED.has(t.status) && Date.parse(t.updatedAt) < cutoff.getTime() && t.details.personalDataRemovedAt === undefined;
}

/** One pass: everything older than `days` before now(). Each part runs even when another fails. */
export async function sweepOnce(deps: RetentionDeps): Promise<RetentionResult> {
  const now = (deps.now ?? (() => new Date()))();
  const cutoff = new Date(now.getTime() - deps.days * DAY_MS);
  const part = async (name: string, run: () => Promise<number>) => {
    try {
      return await run();
    } catch (err) {
      deps.logger.error('retention_failed', { part: name, ...errorFields(err) });
      return 0;
    }
  };
  const state = deps.state;
  const result: RetentionResult = {
    // Users keep their language and where to reach them as long as anything else is kept about them.
    states: state
      ? await part('state', () => expireState(state.store, { conversationDays: state.conversationDays, userDays: deps.days }, now))
      : 0,
    transcriptLines: deps.transcripts ? await part('transcripts', () => deps.transcripts!.purge(cutoff)) : 0,
    feedbackTexts: await part('feedback', () => deps.feedback.purge(cutoff)),
    tickets: await part('tickets', () =>
      deps.tickets.rewriteWhere(
        (t) => isScrubbable(t, cutoff),
        (t) => scrubTicket(t, now),
      ),
    ),
    ...(deps.desk && { deskHandoffs: await part('desk', () => deps.desk!.purge(cutoff)) }),
  };
  deps.logger.info('retention_sweep', { days: deps.days, cutoff: cutoff.toISOString(), ...result });
  return result;
}

/** Sweeps at start-up (in the background) and then daily; stop() waits for a sweep in progress. */
export function startRetention(deps: RetentionDeps): { readonly first: Promise<RetentionResult>; stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => (running = sweepOnce(deps));
  const first = run() as Promise<RetentionResult>;
  const timer = setInterval(run, deps.intervalMs ?? DAY_MS);
  timer.unref();
  return {
    first,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
