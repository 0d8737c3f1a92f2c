import { WaterfallDialog, type Dialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { isIntent, type Intent } from '../bot/nlu/intents.js';
import type { Recognizer, RecognizerResult } from '../bot/nlu/types.js';
import { detectInterruption } from '../bot/interruption.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import { InterruptibleDialog, MAIN_DIALOG_ID, type RouteOptions } from './interruptibleDialog.js';
import { DEFAULT_ROUTES, type Route } from './routes.js';

/** What a child dialog receives when the main dialog starts it. */
export interface ChildDialogOptions {
  readonly intent: Intent;
  readonly recognition?: RecognizerResult;
}

const ROUTE_STEP = 'mainRoute';
const INTERRUPTION_INTENT = { cancel: undefined, help: 'help', startOver: undefined, agent: 'escalate_human' } as const;

/** Recognises each message and routes it through the intent table. */
export class MainDialog extends InterruptibleDialog {
  static readonly id = MAIN_DIALOG_ID;
  private readonly routes: Readonly<Record<Intent, Route>>;

  constructor(
    private readonly recognizer: Recognizer,
    children: Partial<Record<Intent, Dialog>> = {},
  ) {
    super(MAIN_DIALOG_ID);
    const routes: Record<Intent, Route> = { ...DEFAULT_ROUTES };
    for (const [intent, dialog] of Object.entries(children) as [Intent, Dialog][]) {
      this.addDialog(dialog);
      routes[intent] = { dialog: dialog.id };
    }
    this.routes = routes;
    this.addDialog(new WaterfallDialog(ROUTE_STEP, [(step) => this.route(step), (step) => step.endDialog(step.result)]));
    this.initialDialogId = ROUTE_STEP;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const m = messages(turnLocale(context));
    const forced = (step.options as RouteOptions | undefined)?.intent;
    let intent: Intent;
    let recognition: RecognizerResult | undefined;
    if (isIntent(forced)) {
      intent = forced;
    } else {
      const text = context.activity.text ?? '';
      const interruption = detectInterruption(text);
      if (interruption === 'cancel' || interruption === 'startOver') {
        await context.sendActivity(interruption === 'cancel' ? m.nothingToCancel : `${m.startOver}\n\n${m.helpMenu}`);
        return step.endDialog();
      }
      const viaInterruption = interruption ? INTERRUPTION_INTENT[interruption] : undefined;
      if (viaInterruption) {
        intent = viaInterruption;
      } else {
        recognition = await this.recognizer.recognize(text, turnLocale(context));
        intent = recognition.intent;
      }
    }
    const route = this.routes[intent];
    if ('dialog' in route) return step.beginDialog(route.dialog, { intent, recognition } satisfies ChildDialogOptions);
    await context.sendActivity(route.reply(m));
    return step.endDialog();
  }
}
