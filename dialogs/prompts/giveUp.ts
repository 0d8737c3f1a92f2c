import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { messages } from '../../bot/i18n/messages.js';
import { turnLocale } from '../../bot/turnLocale.js';

/** Ends the dialog with the way out, after a question got no usable answer (AnswerPrompt's `gaveUp`). */
export async function giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
  await step.context.sendActivity(messages(turnLocale(step.context)).customer.giveUp);
  return step.endDialog();
}
