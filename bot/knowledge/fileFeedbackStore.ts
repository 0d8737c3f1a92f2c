import { Low } from 'lowdb';
import { KeyedQueue } from '../keyedQueue.js';
import { DurableJsonAdapter } from '../storage/durableJsonAdapter.js';

export interface FeedbackEntry {
  readonly articleId: string;
  readonly helpful: boolean;
  readonly locale: 'zh-CN' | 'en';
  readonly at: string;
  /** Only when the customer agreed to share it. */
  readonly text?: string;
}

export interface UnansweredEntry {
  readonly text: string;
  readonly locale: 'zh-CN' | 'en';
  readonly at: string;
  readonly bestScore: number;
}

/** The file `npm run review` reads: `{ feedback: [...], unanswered: [...] }`. */
export interface FeedbackFile {
  feedback: FeedbackEntry[];
  unanswered: UnansweredEntry[];
}

/** Feedback and unanswered questions in DATA_DIR/feedback.json, appended durably, one writer at a time. */
export class FileFeedbackStore {
  private readonly queue = new KeyedQueue();

  private constructor(private readonly db: Low<FeedbackFile>) {}

  static async open(file: string): Promise<FileFeedbackStore> {
    const db = new Low<FeedbackFile>(new DurableJsonAdapter<FeedbackFile>(file), { feedback: [], unanswered: [] });
    await db.read();
    db.data.feedback ??= [];
    db.data.unanswered ??= [];
    return new FileFeedbackStore(db);
  }

  recordFeedback(entry: FeedbackEntry): Promise<void> {
    return this.change((data) => data.feedback.push(entry));
  }

  recordUnanswered(entry: UnansweredEntry): Promise<void> {
    return this.change((data) => data.unanswered.push(entry));
  }

  listFeedback(): readonly FeedbackEntry[] {
    return this.db.data.feedback;
  }

  listUnanswered(): readonly UnansweredEntry[] {
    return this.db.data.unanswered;
  }

  /** Retention: drops free text older than the cutoff, keeping the anonymous verdicts for statistics. */
  async purge(cutoff: Date): Promise<number> {
    let purged = 0;
    const old = (at: string) => Date.parse(at) < cutoff.getTime();
    const due = this.db.data.feedback.some((f) => f.text !== undefined && old(f.at)) || this.db.data.unanswered.some((u) => old(u.at));
    if (!due) return 0; // nothing to do: no rewrite of the file
    return this.change((data) => {
      data.feedback = data.feedback.map((f) => {
        if (f.text === undefined || !old(f.at)) return f;
        purged++;
        const { text: _dropped, ...rest } = f;
        return rest;
      });
      const before = data.unanswered.length;
      data.unanswered = data.unanswered.filter((u) => !old(u.at));
      purged += before - data.unanswered.length;
    }).then(() => purged);
  }

  private change(fn: (data: FeedbackFile) => void): Promise<void> {
    return this.queue.run('feedback', async () => {
      fn(this.db.data);
      await this.db.write();
    });
  }
}
