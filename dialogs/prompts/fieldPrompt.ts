import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import { TextPrompt, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messages, type Messages } from '../../bot/i18n/messages.js';
import { turnLocale } from '../../bot/turnLocale.js';
import { newQuestionInstead } from '../topicSwitch.js';

/** Bad answers allowed per question; after the last one the dialog offers a person instead. */
export const MAX_TRIES = 3;
/** The prompt's result when the user gave MAX_TRIES unusable answers. */
export const GAVE_UP = '\u0000gave-up';

/** Turns an answer into its normalised value, or a hint that says what a good answer looks like. */
export type FieldParser = (text: string, context: TurnContext, validations: unknown) => Promise<string | { hint: (m: Messages) => string }> | string | { hint: (m: Messages) => string };

/**
 * A text question with its own validation: a bad answer gets a specific hint in the user's language
 * (the hint replaces the re-prompt), and the third bad answer ends the prompt with GAVE_UP.
 */
export class FieldPrompt extends TextPrompt {
  constructor(id: string, parse: FieldParser) {
    super(id, async (prompt: PromptValidatorContext<string>) => {
      const text = prompt.recognized.succeeded ? (prompt.recognized.value ?? '').trim() : '';
      const parsed = text === '' ? undefined : await parse(text, prompt.context, prompt.options.validations);
      if (typeof parsed === 'string') {
        prompt.recognized.value = parsed;
        return true;
      }
      // Not an answer but a new question: the main dialog takes it from here.
      if (await newQuestionInstead(prompt.context, text)) return false;
      if (prompt.attemptCount >= MAX_TRIES) {
        prompt.recognized.value = GAVE_UP;
        return true;
      }
      const m = messages(turnLocale(prompt.context));
      await prompt.context.sendActivity(parsed ? parsed.hint(m) : m.customer.giveUp);
      return false;
    });
  }
}

/** A question with imBack buttons (Adaptive Card 1.5, as Teams shows no suggested actions in channels). */
export function withButtons(text: string, titles: readonly string[]): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    attachments: [
      CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [],
        actions: titles.map((title) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } })),
      }),
    ],
  };
}

/** Matches an answer against button titles in either language, then against keyword patterns. */
export function pickChoice<K extends string>(text: string, titles: (m: Messages) => Readonly<Record<K, string>>, keywords: ReadonlyArray<readonly [K, RegExp]>): K | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  for (const m of [messages('zh-CN'), messages('en')]) {
    const hit = (Object.entries(titles(m)) as [K, string][]).find(([, title]) => title.toLowerCase() === t);
    if (hit) return hit[0];
  }
  return keywords.find(([, re]) => re.test(t))?.[0];
}

/** For YesNoPrompt: accept a recognised answer, or end (result undefined) after MAX_TRIES unusable ones. */
export async function giveUpAfterTries(prompt: PromptValidatorContext<boolean>): Promise<boolean> {
  return prompt.recognized.succeeded || prompt.attemptCount >= MAX_TRIES;
}

/** Ends the dialog with the handoff offer, after MAX_TRIES unusable answers. */
export async function giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
  await step.context.sendActivity(messages(turnLocale(step.context)).customer.giveUp);
  return step.endDialog();
}

/**
 * After a YesNoPrompt with giveUpAfterTries: gives up (no answer) or says `declined` (no) and ends the
 * dialog; resolves to undefined when the user said yes and the caller goes on.
 */
export async function unlessConfirmed(step: WaterfallStepContext, declined: string): Promise<DialogTurnResult | undefined> {
  if (step.result === undefined) return giveUp(step);
  if (step.result !== false) return undefined;
  await step.context.sendActivity(declined);
  return step.endDialog();
}
