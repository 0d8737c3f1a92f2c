import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDomain, parseEmail } from '../bot/directory/answerParsers.js';
import { matchContact } from '../bot/directory/resolveCustomer.js';
import type { CustomerRef } from '../bot/directory/types.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { IdentityDeps } from './customerIdentity.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { FieldPrompt, GAVE_UP, MAX_TRIES, giveUp } from './prompts/fieldPrompt.js';

/** Prefilled answers (from the recognizer's entities) and the failed matches so far. */
export interface IdentifyOptions {
  readonly domain?: string;
  readonly email?: string;
  readonly failures?: number;
}

interface Values {
  domain?: string;
  failures: number;
}

const STEPS = 'identifySteps';
const DOMAIN = 'identifyDomain';
const EMAIL = 'identifyEmail';

/**
 * One-time identification in Web Chat and the Emulator: the company domain and the contact's e-mail must
 * match one registered contact. A mismatch never says whether the domain exists. Ends with the CustomerRef
 * (also stored in user state) or undefined.
 */
export class IdentifyDialog extends InterruptibleDialog {
  static readonly id = 'identifyDialog';

  constructor(private readonly deps: IdentityDeps) {
    super(IdentifyDialog.id);
    this.addDialog(new FieldPrompt(DOMAIN, (t) => parseDomain(t) ?? { hint: (m) => m.customer.identify.domainHint }));
    this.addDialog(new FieldPrompt(EMAIL, (t) => parseEmail(t) ?? { hint: (m) => m.customer.identify.emailHint }));
    this.addDialog(new WaterfallDialog(STEPS, [(s) => this.askDomain(s), (s) => this.askEmail(s), (s) => this.check(s)]));
    this.initialDialogId = STEPS;
  }

  private async askDomain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = (step.options ?? {}) as IdentifyOptions;
    (step.values as Values).failures = o.failures ?? 0;
    if (o.domain) return step.next(o.domain);
    return step.prompt(DOMAIN, { prompt: messages(turnLocale(step.context)).customer.identify.askDomain });
  }

  private async askEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    (step.values as Values).domain = step.result as string;
    const o = (step.options ?? {}) as IdentifyOptions;
    if (o.email) return step.next(o.email);
    return step.prompt(EMAIL, { prompt: messages(turnLocale(step.context)).customer.identify.askEmail });
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    const values = step.values as Values;
    const m = messages(turnLocale(step.context)).customer.identify;
    const found = matchContact(this.deps.directory, values.domain ?? '', step.result as string);
    if (found) {
      const ref: CustomerRef = { customerId: found.customer.id, contactEmail: found.contact.email };
      await this.deps.customerRef.set(step.context, ref);
      await step.context.sendActivity(m.identified(found.contact.name, found.customer.company));
      return step.endDialog(ref);
    }
    const failures = values.failures + 1;
    if (failures >= MAX_TRIES) {
      await step.context.sendActivity(m.tooManyTries(this.deps.directory.reseller()));
      return step.endDialog(undefined);
    }
    await step.context.sendActivity(m.noMatch);
    return step.replaceDialog(STEPS, { failures } satisfies IdentifyOptions);
  }
}
