import { AsyncLocalStorage } from 'node:async_hooks';
import type { FeedbackEntry, FeedbackSink, UnansweredEntry } from '../knowledge/feedback.js';
import type { NewTicket, Ticket, TicketChange, TicketFilter, TicketStore } from '../tickets/types.js';

/** What happened in a turn that the outcome recorder cannot see from state: a question without an answer, a handoff. */
export interface TurnMarks {
  unanswered?: boolean;
  handoffs?: string[];
}

const current = new AsyncLocalStorage<TurnMarks>();

/** Runs a turn with its marks; the stores below fill them in without knowing about turns. */
export function withTurnMarks(marks: TurnMarks, turn: () => Promise<void>): Promise<void> {
  return current.run(marks, turn);
}

function mark(update: (marks: TurnMarks) => void): void {
  const marks = current.getStore();
  if (marks) update(marks);
}

/** Marks this turn as one the bot could not help with (an off-topic message), for the outcome report. */
export function markUnanswered(): void {
  mark((m) => (m.unanswered = true));
}

/** The feedback store, marking the turn whose question the knowledge base could not answer. */
export function markingFeedback(sink: FeedbackSink): FeedbackSink {
  return {
    recordFeedback: (entry: FeedbackEntry) => sink.recordFeedback(entry),
    recordUnanswered: async (entry: UnansweredEntry) => {
      markUnanswered();
      await sink.recordUnanswered(entry);
    },
  };
}

/** The dialogs' ticket store, marking the turn that opened a handoff ticket. */
export class MarkingTicketStore implements TicketStore {
  constructor(private readonly inner: TicketStore) {}

  async create(ticket: NewTicket): Promise<Ticket> {
    const created = await this.inner.create(ticket);
    if (created.category === 'handoff') mark((m) => (m.handoffs = [...(m.handoffs ?? []), created.id]));
    return created;
  }

  get(id: string): Promise<Ticket | undefined> {
    return this.inner.get(id);
  }

  list(filter?: TicketFilter): Promise<Ticket[]> {
    return this.inner.list(filter);
  }

  recent(count: number): Promise<Ticket[]> {
    return this.inner.recent(count);
  }

  update(id: string, change: TicketChange): Promise<Ticket> {
    return this.inner.update(id, change);
  }
}
