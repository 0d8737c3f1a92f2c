import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseName, parseQuantity } from '../bot/directory/answerParsers.js';
import type { Subscription } from '../bot/directory/types.js';
import type { ChangeRequest, SubscriptionChange } from '../bot/directory/changeRequest.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ChildDialogOptions } from './mainDialog.js';
import type { CustomerDialogDeps } from './customerDialogDeps.js';
import { SUBSCRIPTION_CHANGES } from './customerTopics.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { bilingual, openTicket } from './openTicket.js';
import { FieldPrompt, GAVE_UP, giveUpAfterTries, pickChoice, withButtons, giveUp, unlessConfirmed } from './prompts/fieldPrompt.js';
import { YesNoPrompt } from './prompts/yesNoPrompt.js';
import { identified, requireCustomer } from './requireCustomer.js';

const CHANGES: readonly SubscriptionChange[] = ['add', 'reduce', 'changePlan', 'cancel', 'autoRenewOn', 'autoRenewOff', 'trialToPaid'];
const MAX_LICENSES = 10_000;
const MAIN = 'subscriptionMain';
const CHANGE = 'subscriptionChange';
const WHICH = 'subscriptionWhich';
const QUANTITY = 'subscriptionQuantity';
const PLAN = 'subscriptionPlan';
const CONFIRM = 'subscriptionConfirm';

interface Values {
  question: string;
  customerId: string;
  licenseCount?: number;
  change?: SubscriptionChange;
  subscriptionId?: string;
  request?: ChangeRequest;
}

/** Which subscriptions a change can apply to. */
function eligible(change: SubscriptionChange, s: Subscription): boolean {
  if (s.status === 'cancelled' || s.status === 'expired') return false;
  if (change === 'trialToPaid') return s.status === 'trial';
  if (change === 'add' || change === 'reduce') return s.term !== 'payg';
  return true;
}

/** A subscription named by its list number or its offer name. */
function pickSubscription(text: string, subs: readonly Subscription[]): Subscription | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  if (/^\d+$/.test(t)) return subs[Number(t) - 1];
  return subs.find((s) => t.includes(s.offer.toLowerCase())) ?? subs.find((s) => s.offer.toLowerCase().includes(t) && t.length >= 2);
}

/**
 * `subscription`: lists the customer's subscriptions and turns a change (licenses, plan, cancel, auto-renew,
 * trial to paid) into a confirmed reseller ticket. It never changes the subscription itself.
 */
export class SubscriptionDialog extends InterruptibleDialog {
  static readonly id = 'subscriptionDialog';

  constructor(private readonly deps: CustomerDialogDeps) {
    super(SubscriptionDialog.id);
    this.addDialog(new FieldPrompt(CHANGE, (t) => pickChoice(t, (m) => m.customer.subscription.changeNames, SUBSCRIPTION_CHANGES) ?? { hint: (m) => m.customer.subscription.changeHint }));
    this.addDialog(
      new FieldPrompt(WHICH, (t, _c, v) => {
        const { subs, change } = v as { subs: Subscription[]; change: SubscriptionChange };
        const s = pickSubscription(t, subs);
        return s && eligible(change, s) ? s.id : { hint: (m) => m.customer.subscription.whichHint(subs.length) };
      }),
    );
    this.addDialog(new FieldPrompt(QUANTITY, (t, _c, v) => String(parseQuantity(t, (v as { max: number }).max) ?? '') || { hint: (m) => m.customer.subscription.quantityHint((v as { max: number }).max) }));
    this.addDialog(new FieldPrompt(PLAN, (t) => parseName(t, 2, 80) ?? { hint: (m) => m.customer.subscription.planHint }));
    this.addDialog(new YesNoPrompt(CONFIRM, giveUpAfterTries));
    this.addDialog(new IdentifyDialog(deps.identity));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.identify(s), (s) => this.list(s), (s) => this.which(s), (s) => this.details(s), (s) => this.confirm(s), (s) => this.submit(s)]));
    this.initialDialogId = MAIN;
  }

  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    values.question = step.context.activity.text ?? '';
    const entities = (step.options as ChildDialogOptions | undefined)?.recognition?.entities ?? [];
    const count = Number(entities.find((e) => e.type === 'licenseCount')?.value);
    if (Number.isInteger(count) && count > 0) values.licenseCount = count;
    return requireCustomer(step, this.deps.identity, entities);
  }

  private async list(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = identified(this.deps.identity, step.result);
    if (!who) return step.endDialog();
    const values = step.values as Values;
    values.customerId = who.customer.id;
    const m = messages(turnLocale(step.context)).customer.subscription;
    const subs = this.subs(values);
    if (subs.length === 0) {
      await step.context.sendActivity(m.none);
      return step.endDialog();
    }
    await step.context.sendActivity(m.list(subs));
    const change = pickChoice(values.question, (mm) => mm.customer.subscription.changeNames, SUBSCRIPTION_CHANGES);
    if (change) return step.next(change);
    return step.prompt(CHANGE, { prompt: withButtons(m.askChange, CHANGES.map((c) => m.changeNames[c])) });
  }

  private async which(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    const values = step.values as Values;
    const change = (values.change = step.result as SubscriptionChange);
    const m = messages(turnLocale(step.context)).customer.subscription;
    const subs = this.subs(values);
    const candidates = subs.filter((s) => eligible(change, s));
    if (candidates.length === 0) {
      await step.context.sendActivity(change === 'trialToPaid' ? m.noTrial : m.changeHint);
      return step.endDialog();
    }
    const named = pickSubscription(values.question, candidates);
    if (named && !/^\s*\d+\s*$/.test(values.question)) return step.next(named.id);
    if (candidates.length === 1) return step.next(candidates[0]!.id);
    return step.prompt(WHICH, { prompt: withButtons(m.askWhich, candidates.map((s) => s.offer)), validations: { subs, change } });
  }

  private async details(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    const values = step.values as Values;
    const sub = this.subs(values).find((s) => s.id === step.result)!;
    values.subscriptionId = sub.id;
    const m = messages(turnLocale(step.context)).customer.subscription;
    switch (values.change!) {
      case 'add':
        if (values.licenseCount && values.licenseCount <= MAX_LICENSES) return step.next(String(values.licenseCount));
        return step.prompt(QUANTITY, { prompt: m.askAddQuantity(sub.offer, sub.quantity), validations: { max: MAX_LICENSES } });
      case 'reduce':
        if (values.licenseCount && values.licenseCount < sub.quantity) return step.next(String(values.licenseCount));
        return step.prompt(QUANTITY, { prompt: m.askReduceQuantity(sub.offer, sub.quantity), validations: { max: Math.max(1, sub.quantity - 1) } });
      case 'changePlan':
        return step.prompt(PLAN, { prompt: m.askPlan(sub.offer) });
      case 'autoRenewOn':
      case 'autoRenewOff':
        if (sub.autoRenew === (values.change === 'autoRenewOn')) {
          await step.context.sendActivity(m.nothingToChange(sub.offer, values.change));
          return step.endDialog();
        }
        return step.next();
      default:
        return step.next();
    }
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return giveUp(step);
    const values = step.values as Values;
    const sub = this.subs(values).find((s) => s.id === values.subscriptionId)!;
    const change = values.change!;
    const quantity = change === 'add' || change === 'reduce' ? Number(step.result) : undefined;
    const unit = sub.unitPriceCny;
    const delta = unit === undefined ? undefined : { add: (quantity ?? 0) * unit, reduce: -(quantity ?? 0) * unit, cancel: -sub.quantity * unit, trialToPaid: sub.quantity * unit }[change as 'add'];
    values.request = {
      change, offer: sub.offer, currentQuantity: sub.quantity,
      ...(quantity !== undefined && { quantity }),
      ...(change === 'changePlan' && { targetPlan: String(step.result) }),
      ...(delta !== undefined && { monthlyDeltaCny: delta }),
    };
    return step.prompt(CONFIRM, { prompt: messages(turnLocale(step.context)).customer.subscription.confirm(values.request) });
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).customer;
    const stop = await unlessConfirmed(step, m.declined);
    if (stop) return stop;
    const values = step.values as Values;
    const request = values.request!;
    const directory = this.deps.identity.directory;
    const customer = directory.customerById(values.customerId)!;
    const ticket = await openTicket(
      step.context,
      this.deps.tickets,
      {
        category: 'subscription_change', customer: customer.id, title: `${m.subscription.changeNames[request.change]}: ${request.offer}`,
        summary: bilingual((c) => c.subscription.ticket(request, customer.company)),
        details: { ...request, subscriptionId: values.subscriptionId },
      },
      directory.reseller(),
    );
    if (ticket) await step.context.sendActivity(m.subscription.created(ticket.id, directory.reseller()));
    return step.endDialog();
  }

  private subs(values: Values): Subscription[] {
    return this.deps.identity.directory.subscriptionsOf(values.customerId);
  }
}
