import { CardFactory, type Attachment, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { parseYesNo } from '../../bot/yesNo.js';
import { messages, type Messages } from '../../bot/i18n/messages.js';
import { turnLocale } from '../../bot/turnLocale.js';
import { newQuestionInstead } from '../topicSwitch.js';

/** Yes and No as imBack buttons on an Adaptive Card 1.5. */
export function yesNoCard(m: Messages): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [],
    actions: [m.yes, m.no].map((title) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } })),
  });
}

/**
 * A confirmation prompt that understands Chinese and English yes/no words and shows Yes/No as
 * card buttons (Teams shows no suggested actions in channels). Prompt text comes from the caller.
 */
export class YesNoPrompt extends Prompt<boolean> {
  constructor(dialogId: string, validator?: PromptValidator<boolean>) {
    // A new question instead of yes or no is the main dialog's to answer, not re-asked here. (Validators
    // run only when the prompt continues; onRecognize also runs when the turn's activity is announced.)
    super(dialogId, async (prompt) => {
      if (!prompt.recognized.succeeded && (await newQuestionInstead(prompt.context, prompt.context.activity.text ?? ''))) return false;
      return validator ? validator(prompt) : prompt.recognized.succeeded;
    });
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const m = messages(turnLocale(context));
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    const text = typeof prompt === 'string' ? prompt : (prompt?.text ?? '');
    const retryHint = isRetry && !options.retryPrompt ? `${m.yesNoHint}\n\n` : '';
    await context.sendActivity({
      text: `${retryHint}${text}`,
      attachments: [yesNoCard(m)],
    });
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<boolean>> {
    const value = context.activity.value as { msteams?: { value?: unknown } } | undefined;
    const text = typeof context.activity.text === 'string' && context.activity.text !== '' ? context.activity.text : String(value?.msteams?.value ?? '');
    const answer = parseYesNo(text);
    return answer === undefined ? { succeeded: false } : { succeeded: true, value: answer };
  }
}
