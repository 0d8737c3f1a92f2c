import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { detectInterruption } from '../bot/interruption.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';

/** Begin options a dialog receives when a route was chosen without the recognizer (agent, buttons). */
export interface RouteOptions {
  readonly intent?: string;
}

/** Set by MainDialog; the base starts it again when the user asks for a person mid-dialog. */
export const MAIN_DIALOG_ID = 'mainDialog';

/**
 * Leaves whatever dialog is running and lets the main dialog handle this turn afresh, e.g. when a
 * user types a new question instead of answering, or asks for a person from inside a dialog.
 */
export async function restartMain(dc: DialogContext, options: RouteOptions = {}): Promise<DialogTurnResult> {
  const root = rootOf(dc);
  await root.cancelAllDialogs(true);
  await root.beginDialog(MAIN_DIALOG_ID, options);
  return Dialog.EndOfTurn;
}

/** The outermost dialog context: the one whose stack holds the main dialog. */
export function rootOf(dc: DialogContext): DialogContext {
  let root = dc;
  while (root.parent) root = root.parent;
  return root;
}

/**
 * Shared base for every dialog: cancel / help / start over / agent work at any prompt.
 * Cancelling happens at the root so that nested dialogs never resume half-way.
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const text = typeof inner.context.activity.text === 'string' ? inner.context.activity.text : '';
    const interruption = detectInterruption(text);
    if (!interruption) return super.onContinueDialog(inner);

    const m = messages(turnLocale(inner.context));
    if (interruption === 'help') {
      await inner.context.sendActivity(m.helpMenu);
      await inner.repromptDialog();
      return Dialog.EndOfTurn;
    }
    const root = rootOf(inner);
    await root.cancelAllDialogs(true);
    if (interruption === 'cancel') await inner.context.sendActivity(m.cancelled);
    if (interruption === 'startOver') await inner.context.sendActivity(`${m.startOver}\n\n${m.helpMenu}`);
    if (interruption === 'agent') await root.beginDialog(MAIN_DIALOG_ID, { intent: 'escalate_human' } satisfies RouteOptions);
    return Dialog.EndOfTurn;
  }
}
