import type { TurnContext } from 'botbuilder';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';

/** Tells a new question from an answer a prompt could not use; MainDialog sets one per turn. */
export type NewQuestionJudge = (text: string) => Promise<boolean>;

const JUDGE = Symbol('newQuestionJudge');
const DECIDED = Symbol('newQuestionDecided');

export function judgeNewQuestionsWith(context: TurnContext, judge: NewQuestionJudge): void {
  context.turnState.set(JUDGE, judge);
}

/**
 * Asked by a prompt that cannot use what the user typed. True means it is a new question: the user
 * has been told, the prompt must neither hint nor give up, and the main dialog starts over with it.
 * Decided once per turn.
 */
export async function newQuestionInstead(context: TurnContext, text: string): Promise<boolean> {
  const decided = context.turnState.get(DECIDED) as boolean | undefined;
  if (decided !== undefined) return decided;
  const judge = context.turnState.get(JUDGE) as NewQuestionJudge | undefined;
  const isNew = judge !== undefined && text.trim() !== '' && (await judge(text));
  context.turnState.set(DECIDED, isNew);
  if (isNew) await context.sendActivity(messages(turnLocale(context)).topicSwitched);
  return isNew;
}

/** Whether this turn's text was taken as a new question. */
export function switchingTopic(context: TurnContext): boolean {
  return context.turnState.get(DECIDED) === true;
}
