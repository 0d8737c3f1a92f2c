/**
 * Multi-turn tasks the bot runs with the customer. A task interrupted by a side question is set aside
 * (see dialogs/mainDialog.ts) and can be resumed where it stopped.
 */
export const TASK_NAMES = [
  'signUp',
  'onBehalf',
  'subscriptionChange',
  'billingRequest',
  'reportProblem',
  'handoff',
  'identify',
  'healthChecks',
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

/** What the main dialog keeps of a set-aside task: the dialog stack to put back, and when. */
export interface SetAsideTask {
  readonly task: TaskName;
  /** The main dialog's inner dialog stack at the moment it was set aside (botbuilder DialogInstance JSON). */
  readonly stack: readonly unknown[];
  readonly at: string;
  /** The resume offer has been made; the next message answers it. */
  readonly offered?: boolean;
}

/** How long a set-aside task can be resumed. */
export const SET_ASIDE_MINUTES = 60;

export function isFresh(setAside: SetAsideTask, now: Date): boolean {
  return now.getTime() - Date.parse(setAside.at) < SET_ASIDE_MINUTES * 60_000;
}
