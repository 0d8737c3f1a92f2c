import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { parseDomain, parseEmail } from '../bot/directory/answerParsers.js';
import { matchContact } from '../bot/directory/resolveCustomer.js';
import type { CustomerRef } from '../bot/directory/types.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import type { Recognizer } from '../bot/nlu/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { IdentityDeps } from './customerIdentity.js';
import { FormDialog, type FormValues } from './formDialog.js';
import { MAX_TRIES } from './prompts/answerPrompt.js';

/** Prefilled answers (from the recognizer's entities) and the failed matches so far. */
export interface IdentifyOptions {
  readonly domain?: string;
  readonly email?: string;
  readonly failures?: number;
  /** The answers that did not match: a correction of one of them keeps the other. */
  readonly previous?: FormValues;
}

/**
 * Identification in Web Chat and the Emulator: the company domain and the contact's e-mail must match one
 * registered contact. A mismatch never says whether the domain exists. Ends with the CustomerRef (also kept
 * for the rest of this conversation) or undefined.
 */
export class IdentifyDialog extends FormDialog {
  static readonly id = 'identifyDialog';

  constructor(
    private readonly deps: IdentityDeps,
    recognizer?: Recognizer,
  ) {
    super(
      IdentifyDialog.id,
      [
        {
          key: 'domain',
          names: /域名|domain/i,
          parse: parseDomain,
          ask: (m) => m.customer.identify.askDomain,
          help: (m) => m.customer.identify.whyIdentify,
          hint: (m) => m.customer.identify.domainHint,
          label: (m) => m.customer.identify.domainLabel,
        },
        {
          key: 'email',
          names: /邮箱|邮件|e-?mail/i,
          parse: parseEmail,
          ask: (m) => m.customer.identify.askEmail,
          help: (m) => m.customer.identify.whyIdentify,
          hint: (m) => m.customer.identify.emailHint,
          label: (m) => m.customer.identify.emailLabel,
        },
      ],
      'identify',
      recognizer,
    );
  }

  override async beginDialog(
    dc: Parameters<FormDialog['beginDialog']>[0],
    options?: IdentifyOptions & { values?: FormValues },
  ): Promise<DialogTurnResult> {
    const values = options?.values ?? {
      ...(options?.domain && { domain: options.domain }),
      ...(options?.email && { email: options.email }),
    };
    return super.beginDialog(dc, { values, failures: options?.failures ?? 0, ...(options?.previous && { previous: options.previous }) });
  }

  protected confirmation(): undefined {
    return undefined;
  }

  protected declined(m: Messages): string {
    return m.customer.declined;
  }

  protected async complete(step: WaterfallStepContext, values: FormValues): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).customer.identify;
    const found = matchContact(this.deps.directory, values.domain ?? '', values.email ?? '');
    if (found) {
      const ref: CustomerRef = { customerId: found.customer.id, contactEmail: found.contact.email };
      await this.deps.customerRef.set(step.context, ref);
      await step.context.sendActivity(m.identified(found.contact.name, found.customer.company));
      return step.endDialog(ref);
    }
    const failures = ((step.options as { failures?: number } | undefined)?.failures ?? 0) + 1;
    if (failures >= MAX_TRIES) {
      await step.context.sendActivity(m.tooManyTries(this.deps.directory.reseller()));
      return step.endDialog(undefined);
    }
    await step.context.sendActivity(m.noMatch);
    return step.replaceDialog(IdentifyDialog.id, { failures, previous: values } satisfies IdentifyOptions);
  }
}
