import { TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { InterruptibleDialog } from '../../dialogs/interruptibleDialog.js';

/** A two-step dialog used to check that interruptions work inside any child dialog. */
export class AskNameDialog extends InterruptibleDialog {
  static readonly id = 'askNameDialog';
  constructor() {
    super(AskNameDialog.id);
    this.addDialog(new TextPrompt('namePrompt'));
    this.addDialog(
      new WaterfallDialog('askNameSteps', [
        (step) => step.prompt('namePrompt', 'name?'),
        async (step) => {
          await step.context.sendActivity(`got ${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'askNameSteps';
  }
}

/** A dialog that fails on its second step, to exercise the turn error handler. */
export class BrokenDialog extends InterruptibleDialog {
  static readonly id = 'brokenDialog';
  constructor() {
    super(BrokenDialog.id);
    this.addDialog(new TextPrompt('anything'));
    this.addDialog(
      new WaterfallDialog('brokenSteps', [
        (step) => step.prompt('anything', 'say anything'),
        () => {
          throw new Error('store offline: secret internal detail');
        },
      ]),
    );
    this.initialDialogId = 'brokenSteps';
  }
}

/** Stands in for the handoff dialog: says which intent it was started for, so routing can be checked. */
export class HandoffStubDialog extends InterruptibleDialog {
  static readonly id = 'handoffStubDialog';
  constructor() {
    super(HandoffStubDialog.id);
    this.addDialog(
      new WaterfallDialog('handoffStubSteps', [
        async (step) => {
          await step.context.sendActivity(`handoff for ${(step.options as { intent?: string } | undefined)?.intent ?? '?'}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'handoffStubSteps';
  }
}
