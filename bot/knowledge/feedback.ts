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

/** Where feedback and unanswered questions go. Text only with the customer's consent, so none here. */
export interface FeedbackSink {
  recordFeedback(entry: FeedbackEntry): Promise<void>;
  recordUnanswered(entry: UnansweredEntry): Promise<void>;
}
