import { DeskHandoffs, type DeskHandoff } from '../desk/deskHandoffs.js';
import { chinaToday } from '../directory/format.js';
import { LOCALES, type Locale } from '../i18n/locale.js';
import type { FeedbackFile, UnansweredEntry } from '../knowledge/feedback.js';
import { groupUnanswered } from '../knowledge/reviewReport.js';
import type { DocumentStore } from '../store/documentStore.js';
import { PrefixedStore } from '../store/prefixedStore.js';
import type { ConversationOutcome } from './outcomeRecorder.js';

export type Rating = '1' | '2' | '3' | '4' | '5';

/** The figures for one language, or overall. Times in seconds; null when there is nothing to take a median of. */
export interface OutcomeFigures {
  readonly conversations: number;
  /** Answered without a handoff and not abandoned (see docs/desk.md). */
  readonly contained: number;
  readonly containedRate: number | null;
  /** No handoff, but the day's last message went unanswered or the bot's question was left open. */
  readonly abandoned: number;
  readonly handoffs: number;
  /** Desk handoffs an agent took. */
  readonly taken: number;
  readonly medianTimeToTakeSeconds: number | null;
  readonly medianHandlingSeconds: number | null;
  readonly csat: { readonly responses: number; readonly average: number | null; readonly distribution: Readonly<Record<Rating, number>> };
  readonly topUnanswered: ReadonlyArray<{ readonly question: string; readonly count: number }>;
}

export interface OutcomeReport {
  /** First and last day included, China time. */
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly overall: OutcomeFigures;
  readonly languages: Readonly<Record<Locale, OutcomeFigures>>;
}

const TOP_UNANSWERED = 5;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const seconds = (from: string | undefined, to: string | undefined) =>
  from && to ? Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000) : undefined;
const isNumber = (n: number | undefined): n is number => n !== undefined;

function figures(
  outcomes: readonly ConversationOutcome[],
  handoffs: readonly DeskHandoff[],
  unanswered: readonly UnansweredEntry[],
): OutcomeFigures {
  const contained = outcomes.filter((o) => !o.person && o.last === 'answered').length;
  const taken = handoffs.filter((h) => h.takenAt);
  const rated = handoffs.map((h) => h.csat?.rating).filter(isNumber);
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as Record<Rating, number>;
  for (const r of rated) distribution[String(r) as Rating]++;
  return {
    conversations: outcomes.length,
    contained,
    containedRate: outcomes.length === 0 ? null : contained / outcomes.length,
    abandoned: outcomes.filter((o) => !o.person && o.last !== 'answered').length,
    handoffs: outcomes.reduce((n, o) => n + o.handoffs.length, 0),
    taken: taken.length,
    medianTimeToTakeSeconds: median(taken.map((h) => seconds(h.createdAt, h.takenAt)).filter(isNumber)),
    medianHandlingSeconds: median(
      taken
        .filter((h) => h.state === 'ended')
        .map((h) => seconds(h.takenAt, h.endedAt))
        .filter(isNumber),
    ),
    csat: { responses: rated.length, average: rated.length === 0 ? null : rated.reduce((a, b) => a + b, 0) / rated.length, distribution },
    topUnanswered: groupUnanswered({ feedback: [], unanswered: [...unanswered] })
      .slice(0, TOP_UNANSWERED)
      .map((g) => ({ question: g.example, count: g.questions.length })),
  };
}

/**
 * Outcomes of the last `days` days (China time, today included): conversations and containment from the
 * outcome recorder's documents, time to take, handling time and satisfaction from the desk's handoffs
 * (by the day they came in), and the questions the knowledge base could not answer from the feedback store.
 */
export async function buildReport(deps: {
  readonly store: DocumentStore;
  readonly feedback: { snapshot(): Promise<FeedbackFile> };
  readonly days: number;
  readonly now: Date;
}): Promise<OutcomeReport> {
  const to = chinaToday(deps.now);
  const from = chinaToday(new Date(deps.now.getTime() - (deps.days - 1) * 86_400_000));
  const inRange = (day: string) => day >= from && day <= to;
  const outcomeStore = new PrefixedStore(deps.store, 'outcomes/');
  const keys = (await outcomeStore.list('')).map((k) => k.key).filter((k) => inRange(k.slice(0, 10)));
  const found = await outcomeStore.read(keys);
  const outcomes = keys
    .map((k) => found[k] as ConversationOutcome | undefined)
    .filter((o): o is ConversationOutcome => o !== undefined && Array.isArray(o.handoffs));
  const handoffs = (await new DeskHandoffs(new PrefixedStore(deps.store, 'desk/'), () => deps.now).all()).filter((h) =>
    inRange(chinaToday(new Date(h.createdAt))),
  );
  const unanswered = (await deps.feedback.snapshot()).unanswered.filter((u) => inRange(chinaToday(new Date(u.at))));
  const of = (l: Locale) =>
    figures(
      outcomes.filter((o) => o.locale === l),
      handoffs.filter((h) => h.locale === l),
      unanswered.filter((u) => u.locale === l),
    );
  return {
    from,
    to,
    days: deps.days,
    overall: figures(outcomes, handoffs, unanswered),
    languages: Object.fromEntries(LOCALES.map((l) => [l, of(l)])) as Record<Locale, OutcomeFigures>,
  };
}
