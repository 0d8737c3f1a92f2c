import type { TaskName } from '../conversation/task.js';

/** What the bot says while it repairs a conversation: set-aside tasks, help at a question, small talk in a form. */
export interface RepairMessages {
  /** How a task is named in "shall we go back to your …?". */
  readonly taskNames: Readonly<Record<TaskName, string>>;
  resumeOffer(task: string): string;
  readonly resumeYes: string;
  readonly resumeNo: string;
  /** Said before a set-aside yes/no question is asked again after the side answer. */
  backTo(task: string): string;
  /** The customer declined to go back: the task is dropped. */
  dropped(task: string): string;
  /** Another long task started: the set-aside one is dropped. */
  droppedForNew(task: string): string;
  /** "继续" long after, or with nothing set aside. */
  readonly nothingToResume: string;
  /** The customer cancelled a task at one of its questions. */
  cancelledTask(task: string): string;
  /** A correction was taken: what changed, before the question is asked again. */
  corrected(what: string, value: string): string;
  /** A bare "ok" when nothing was asked. */
  readonly acknowledged: string;
  /** "No thanks" with nothing to say no to: acknowledged. */
  readonly noThanks: string;
  /** A question about what was just shown that neither it nor any article answers; a yes/no offer of a person follows. */
  readonly unansweredFollowUp: string;
  /** "Are you a bot?" at a question, before asking it again. */
  readonly iAmABot: string;
  /** A question about a question ("why do you need my domain?") with no specific help. */
  readonly whyWeAsk: string;
}
