import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { CustomerRef, IdentifiedCustomer } from '../bot/directory/types.js';
import { messages } from '../bot/i18n/messages.js';
import type { Entity } from '../bot/nlu/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import { whoIsAsking, type IdentityDeps } from './customerIdentity.js';
import { IdentifyDialog, type IdentifyOptions } from './identifyDialog.js';

/**
 * A waterfall step that continues with the caller's CustomerRef as the next step's result: at once when
 * known, after IdentifyDialog in Web Chat (the calling dialog must have added one), or ends the dialog
 * with a polite message for unknown tenants and non-contacts. The next step calls `identified`.
 */
export async function requireCustomer(
  step: WaterfallStepContext,
  deps: IdentityDeps,
  entities: readonly Entity[] = [],
): Promise<DialogTurnResult> {
  const m = messages(turnLocale(step.context)).customer;
  const who = await whoIsAsking(step.context, deps);
  const reseller = deps.directory.reseller();
  switch (who.status) {
    case 'identified':
      return step.next({ customerId: who.customer.id, contactEmail: who.contact.email } satisfies CustomerRef);
    case 'unknownTenant':
      // Both languages: nothing tells us which one an unknown organisation prefers.
      await step.context.sendActivity(
        `${messages('zh-CN').customer.identify.unknownTenant(reseller)}\n\n${messages('en').customer.identify.unknownTenant(reseller)}`,
      );
      return step.endDialog();
    case 'notContact':
      await step.context.sendActivity(m.identify.notAContact(who.customer.company, reseller));
      return step.endDialog();
    case 'anonymous': {
      if (deps.directory.data.customers.length === 0) {
        await step.context.sendActivity(m.noDirectory);
        return step.endDialog();
      }
      const domain = entities.find((e) => e.type === 'domain')?.value;
      const email = entities.find((e) => e.type === 'email')?.value;
      return step.beginDialog(IdentifyDialog.id, { ...(domain && { domain }), ...(email && { email }) } satisfies IdentifyOptions);
    }
  }
}

/** The customer and contact behind the previous step's result, re-read from the directory. */
export function identified(deps: IdentityDeps, result: unknown): IdentifiedCustomer | undefined {
  const ref = result as CustomerRef | undefined;
  if (!ref || typeof ref.customerId !== 'string') return undefined;
  const customer = deps.directory.customerById(ref.customerId);
  const contact = customer && deps.directory.contactByEmail(customer, ref.contactEmail);
  return customer && contact ? { customer, contact } : undefined;
}
