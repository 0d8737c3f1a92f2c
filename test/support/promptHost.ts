import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { Recognizer } from '../../bot/nlu/types.js';
import { AnswerPrompt, type AnswerPromptOptions, type PromptSpec } from '../../dialogs/prompts/answerPrompt.js';

/** Asks one AnswerPrompt question and says what it returned: `answer={"kind":"answer","value":true}`. */
export class PromptHost extends ComponentDialog {
  constructor(id: string, spec: PromptSpec, options: AnswerPromptOptions, recognizer?: Recognizer) {
    super(id);
    this.addDialog(new AnswerPrompt(`${id}.prompt`, spec, recognizer));
    this.addDialog(
      new WaterfallDialog(`${id}.steps`, [
        (step) => step.beginDialog(`${id}.prompt`, options),
        async (step) => {
          await step.context.sendActivity(`answer=${JSON.stringify(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = `${id}.steps`;
  }
}
