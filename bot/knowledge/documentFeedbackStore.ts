import type { DocumentStore } from '../store/documentStore.js';
import { updateDocument } from '../store/updateDocument.js';
import type { FeedbackEntry, FeedbackFile, FeedbackSink, UnansweredEntry } from './feedback.js';

interface Day extends Record<string, unknown> {
  feedback: FeedbackEntry[];
  unanswered: UnansweredEntry[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Feedback and unanswered questions: one document per UTC day, appended with eTag retries so entries
 * from several instances are never lost. A day's document stays small, so an append costs the same
 * however much feedback there is.
 */
export class DocumentFeedbackStore implements FeedbackSink {
  constructor(private readonly store: DocumentStore) {}

  recordFeedback(entry: FeedbackEntry): Promise<void> {
    return this.append(entry.at, (d) => d.feedback.push(entry));
  }

  recordUnanswered(entry: UnansweredEntry): Promise<void> {
    return this.append(entry.at, (d) => d.unanswered.push(entry));
  }

  /** Everything, oldest day first, in the shape `npm run review` reads. */
  async snapshot(): Promise<FeedbackFile> {
    const days = await this.days();
    const found = await this.store.read(days);
    const out: FeedbackFile = { feedback: [], unanswered: [] };
    for (const day of days) {
      const d = found[day] as Day | undefined;
      if (!d) continue;
      out.feedback.push(...d.feedback);
      out.unanswered.push(...d.unanswered);
    }
    return out;
  }

  /** Retention: drops free text older than the cutoff, keeping the anonymous verdicts for statistics. */
  async purge(cutoff: Date): Promise<number> {
    let purged = 0;
    const old = (at: string) => Date.parse(at) < cutoff.getTime();
    for (const day of await this.days()) {
      if (day > cutoff.toISOString().slice(0, 10)) continue;
      purged += await updateDocument<Day, number>(this.store, day, (d) => {
        if (!d) return { result: 0 };
        let n = 0;
        const feedback = d.feedback.map((f) => {
          if (f.text === undefined || !old(f.at)) return f;
          n++;
          const { text: _dropped, ...rest } = f;
          return rest;
        });
        const unanswered = d.unanswered.filter((u) => !old(u.at));
        n += d.unanswered.length - unanswered.length;
        return n === 0 ? { result: 0 } : { value: { feedback, unanswered }, result: n };
      });
    }
    return purged;
  }

  private async days(): Promise<string[]> {
    return (await this.store.list('')).map((k) => k.key).filter((k) => DAY.test(k));
  }

  private async append(at: string, add: (d: Day) => void): Promise<void> {
    const day = new Date(Date.parse(at) || Date.now()).toISOString().slice(0, 10);
    await updateDocument<Day, void>(this.store, day, (d) => {
      const next: Day = { feedback: [...(d?.feedback ?? [])], unanswered: [...(d?.unanswered ?? [])] };
      add(next);
      return { value: next, result: undefined };
    });
  }
}
