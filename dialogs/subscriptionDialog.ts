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
import { AnswerPrompt, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';
import { giveUp } from './prompts/giveUp.js';
import { identified, requireCustomer } from './requireCustomer.js';
import { LOCALES } from '../bot/i18n/locale.js';
import { extractEntities } from '../bot/nlu/entities.js';
import { isQuestion, readChoice, readTitle } from '../bot/nlu/answerInterpreter.js';
import { chinaToday } from '../bot/directory/format.js';

const CHANGES: readonly SubscriptionChange[] = ['add', 'reduce', 'changePlan', 'cancel', 'autoRenewOn', 'autoRenewOff', 'trialToPaid'];
const MAX_LICENSES = 10_000;
/** The how-to that answers questions about each change ("how soon can they use them?"). */
const CHANGE_ARTICLES: Readonly<Record<SubscriptionChange, string>> = {
  add: 'subscription/add-licenses',
  reduce: 'subscription/cancel',
  cancel: 'subscription/cancel',
  changePlan: 'subscription/change-plan',
  autoRenewOn: 'subscription/renewal',
  autoRenewOff: 'subscription/renewal',
  trialToPaid: 'subscription/trial',
};
const MAIN = 'subscriptionMain';
const CHANGE = 'subscriptionChange';
const WHICH = 'subscriptionWhich';
const QUANTITY = 'subscriptionQuantity';
const PLAN = 'subscriptionPlan';
const CONFIRM = 'subscriptionConfirm';
const CONFIRMING = 'subscriptionConfirming';

interface Values {
  question: string;
  /** The subscription just shown, which a follow-up ("convert it", 「帮我打开吧」) means. */
  focused?: string;
  customerId: string;
  licenseCount?: number;
  change?: SubscriptionChange;
  subscriptionId?: string;
  request?: ChangeRequest;
}

/** What the confirmation loop carries: the values so far and the quantity or plan to confirm. */
interface Confirming {
  readonly values: Values;
  readonly detail: string;
}

/** Which subscriptions a change can apply to. */
function eligible(change: SubscriptionChange, s: Subscription): boolean {
  if (s.status === 'cancelled' || s.status === 'expired') return false;
  if (change === 'trialToPaid') return s.status === 'trial';
  if (change === 'add' || change === 'reduce') return s.term !== 'payg';
  return true;
}

/** Names customers use for an offer's distinctive part: 「商业基础版」, "the standard one", "e3". */
const OFFER_ALIASES: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/商业基础版|基础版|\bbasic\b/i, /\bbasic\b/i],
  [/商业标准版|标准版|\bstandard\b/i, /\bstandard\b/i],
  [/商业高级版|高级版|\bpremium\b/i, /\bpremium\b/i],
  [/azure/i, /\bazure\b/i],
];

/** A subscription named in a request by its offer name ("add 5 to E3"): the offer, its plan letter or its distinctive word. */
function namedSubscription(text: string, subs: readonly Subscription[]): Subscription | undefined {
  const t = text.normalize('NFKC').trim().toLowerCase();
  const exact = subs.find((s) => t.includes(s.offer.toLowerCase()));
  if (exact) return exact;
  const plan = /(?<![a-z0-9])([efgka]\d)(?![0-9])/i.exec(t)?.[1];
  const byPlan = plan ? subs.filter((s) => new RegExp(`\\b${plan}\\b`, 'i').test(s.offer)) : [];
  if (byPlan.length === 1) return byPlan[0];
  const byAlias = OFFER_ALIASES.filter(([said]) => said.test(t)).flatMap(([, offer]) => subs.filter((s) => offer.test(s.offer)));
  if (new Set(byAlias).size === 1) return byAlias[0];
  const id = readChoice(
    text,
    subs.map((s) => ({ id: s.id, titles: [s.offer] })),
  );
  return /^\s*\d+\s*$/.test(t) ? undefined : subs.find((s) => s.id === id);
}

/** A license count the entity rules miss: "add 3 business basic licenses", 「加2个商业基础版」. */
function countIn(text: string): number | undefined {
  const t = text.normalize('NFKC');
  const m =
    /(?:\badd|\bbuy|\bremove|\breduce|\bby|\bdown to|\bonly|\bjust|\bkeep|加|减|增加|减少|再买|买|再来|只要|只留|保留|降到|减到)\s*(\d{1,5})(?!\d)/i.exec(
      t,
    ) ?? /(?<![\w.])(\d{1,5})\s+(?:[a-z0-9]+\s+){1,3}licen[cs]es?\b/i.exec(t);
  const n = Number(m?.[1]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The change a request or a menu answer names: by a keyword cue, or by a button title in either language.
 * About a subscription just shown, "turn it on" or 「转正式」 name a change too.
 */
function changeIn(text: string, focused?: Subscription): SubscriptionChange | undefined {
  const t = text.normalize('NFKC').toLowerCase();
  // "Is the trial gonna turn into a paid sub automatically?" asks what happens; the trial article answers it.
  if (/automatic|by itself|on its own|会不会|自动(?:转|扣|续)/.test(t) && isQuestion(text)) return undefined;
  if (focused?.status === 'trial' && /转正|正式|付费|convert|\bpaid\b|keep it/.test(t)) return 'trialToPaid';
  if (focused && /打开|开启|turn (it )?on|switch (it )?on|enable/.test(t)) return 'autoRenewOn';
  if (focused && /关掉|关闭|turn (it )?off|switch (it )?off|disable/.test(t)) return 'autoRenewOff';
  const titles = CHANGES.map((c) => ({ id: c, titles: LOCALES.map((l) => messages(l).customer.subscription.changeNames[c]) }));
  return SUBSCRIPTION_CHANGES.find(([, re]) => re.test(t))?.[0] ?? (readTitle(text, titles) as SubscriptionChange | undefined);
}

const quantityField = (max: number) => ({
  key: 'quantity',
  parse: (t: string) => String(parseQuantity(t, max) ?? '') || undefined,
  names: /个|数量|多少|licen[cs]es?|seats?|users?|quantity|number/i,
});

/**
 * `subscription`: lists the customer's subscriptions and turns a change (licenses, plan, cancel, auto-renew,
 * trial to paid) into a confirmed reseller ticket. It never changes the subscription itself.
 */
export class SubscriptionDialog extends InterruptibleDialog {
  static readonly id = 'subscriptionDialog';

  constructor(private readonly deps: CustomerDialogDeps) {
    super(SubscriptionDialog.id);
    const r = deps.recognizer;
    this.addDialog(new AnswerPrompt(CHANGE, { kind: 'choice', keywords: Object.fromEntries(SUBSCRIPTION_CHANGES) }, r));
    this.addDialog(new AnswerPrompt(WHICH, { kind: 'choice' }, r));
    this.addDialog(new AnswerPrompt(QUANTITY, { kind: 'field', field: quantityField(MAX_LICENSES) }, r));
    // Free text: "upgrade to Office 365 E5 please" reads as a subscription request to the recognizer, yet it is the answer.
    const plan = { key: 'plan', parse: (t: string) => parseName(t, 2, 80), names: /版本|套餐|plan|edition/i, freeText: true };
    this.addDialog(new AnswerPrompt(PLAN, { kind: 'field', field: plan }, r));
    // "不对，是 8 个" at the confirmation corrects the quantity instead of declining.
    this.addDialog(new AnswerPrompt(CONFIRM, { kind: 'yesno', fields: [quantityField(MAX_LICENSES)] }, r));
    this.addDialog(new IdentifyDialog(deps.identity, r));
    this.addDialog(
      new WaterfallDialog(MAIN, [
        (s) => this.identify(s),
        (s) => this.list(s),
        (s) => this.which(s),
        (s) => this.details(s),
        (s) => this.toConfirm(s),
      ]),
    );
    this.addDialog(new WaterfallDialog(CONFIRMING, [(s) => this.confirm(s), (s) => this.submit(s)]));
    this.initialDialogId = MAIN;
  }

  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as Values;
    values.question = step.context.activity.text ?? '';
    const focus = (step.options as ChildDialogOptions | undefined)?.focus;
    if (focus?.kind === 'subscription') values.focused = focus.id;
    const entities = (step.options as ChildDialogOptions | undefined)?.recognition?.entities ?? [];
    const count = Number(entities.find((e) => e.type === 'licenseCount')?.value ?? countIn(values.question));
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
    const focused = subs.find((s) => s.id === values.focused);
    const change = changeIn(values.question, focused);
    const asked = !change && isQuestion(values.question) ? namedSubscription(values.question, subs) : undefined;
    if (asked) {
      // 「我们的 E1 到期会自动续费吗」: the answer about that subscription; a change can follow ("turn it on").
      await step.context.sendActivity(
        messages(turnLocale(step.context)).followUp.term(asked, chinaToday((this.deps.now ?? (() => new Date()))())),
      );
      await this.deps.focus?.show(step.context, {
        kind: 'subscription',
        customerId: values.customerId,
        id: asked.id,
        article: 'subscription/renewal',
      });
      return step.endDialog();
    }
    // A follow-up about the subscription just shown needs no list of them all.
    if (!(focused && change)) await step.context.sendActivity(m.list(subs));
    if (change) return step.next({ kind: 'answer', value: change } satisfies Answer);
    const choices = CHANGES.map((c) => ({
      id: c,
      titles: [m.changeNames[c], ...LOCALES.map((l) => messages(l).customer.subscription.changeNames[c])],
    }));
    return step.beginDialog(CHANGE, { prompt: m.askChange, hint: m.changeHint, choices } satisfies AnswerPromptOptions);
  }

  private async which(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    const values = step.values as Values;
    const change = (values.change = answer.value as SubscriptionChange);
    // The answer may say more than the change: 「那先帮我们加 3 个 E3」 names the quantity and the offer too.
    const said = step.context.activity.text ?? '';
    if (said !== values.question) {
      const count = Number(extractEntities(said).find((e) => e.type === 'licenseCount')?.value ?? countIn(said));
      if (Number.isInteger(count) && count > 0) values.licenseCount = count;
      values.question = `${values.question}\n${said}`;
    }
    const m = messages(turnLocale(step.context)).customer.subscription;
    const subs = this.subs(values);
    const candidates = subs.filter((s) => eligible(change, s));
    if (candidates.length === 0) {
      await step.context.sendActivity(change === 'trialToPaid' ? m.noTrial : m.changeHint);
      return step.endDialog();
    }
    const named = namedSubscription(values.question, candidates) ?? candidates.find((s) => s.id === values.focused);
    if (named) return step.next({ kind: 'answer', value: named.id } satisfies Answer);
    if (candidates.length === 1) return step.next({ kind: 'answer', value: candidates[0]!.id } satisfies Answer);
    const choices = candidates.map((s) => ({ id: s.id, titles: [s.offer] }));
    return step.beginDialog(WHICH, {
      prompt: m.askWhich,
      hint: m.whichHint(candidates.length),
      choices,
      task: 'subscriptionChange',
    } satisfies AnswerPromptOptions);
  }

  private async details(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    const values = step.values as Values;
    const sub = this.subs(values).find((s) => s.id === answer.value)!;
    await this.deps.focus?.show(step.context, {
      kind: 'subscription',
      customerId: values.customerId,
      id: sub.id,
      article: CHANGE_ARTICLES[values.change!],
    });
    values.subscriptionId = sub.id;
    const m = messages(turnLocale(step.context)).customer.subscription;
    switch (values.change!) {
      case 'add':
        if (values.licenseCount && values.licenseCount <= MAX_LICENSES)
          return step.next({ kind: 'answer', value: String(values.licenseCount) } satisfies Answer);
        return step.beginDialog(QUANTITY, {
          prompt: m.askAddQuantity(sub.offer, sub.quantity),
          hint: m.quantityHint(MAX_LICENSES),
          task: 'subscriptionChange',
        } satisfies AnswerPromptOptions);
      case 'reduce':
        if (values.licenseCount && values.licenseCount < sub.quantity)
          return step.next({ kind: 'answer', value: String(values.licenseCount) } satisfies Answer);
        return step.beginDialog(QUANTITY, {
          prompt: m.askReduceQuantity(sub.offer, sub.quantity),
          hint: m.quantityHint(sub.quantity - 1),
          task: 'subscriptionChange',
        } satisfies AnswerPromptOptions);
      case 'changePlan':
        return step.beginDialog(PLAN, {
          prompt: m.askPlan(sub.offer),
          hint: m.planHint,
          task: 'subscriptionChange',
        } satisfies AnswerPromptOptions);
      case 'autoRenewOn':
      case 'autoRenewOff':
        if (sub.autoRenew === (values.change === 'autoRenewOn')) {
          await step.context.sendActivity(m.nothingToChange(sub.offer, values.change));
          return step.endDialog();
        }
        return step.next({ kind: 'answer', value: '' } satisfies Answer);
      case 'trialToPaid':
        // 「转正式吧，不过只要 20 个」: fewer paid licenses than the trial has.
        return step.next({
          kind: 'answer',
          value: values.licenseCount && values.licenseCount < sub.quantity ? String(values.licenseCount) : '',
        } satisfies Answer);
      default:
        return step.next({ kind: 'answer', value: '' } satisfies Answer);
    }
  }

  private async toConfirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    return step.replaceDialog(CONFIRMING, { values: step.values as Values, detail: String(answer.value) } satisfies Confirming);
  }

  /** The change with its price effect, to confirm; `detail` is the quantity or the target plan. */
  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { values: kept, detail } = step.options as Confirming;
    const values = Object.assign(step.values as Values, kept);
    const sub = this.subs(values).find((s) => s.id === values.subscriptionId)!;
    const change = values.change!;
    const quantity = change === 'add' || change === 'reduce' || (change === 'trialToPaid' && detail !== '') ? Number(detail) : undefined;
    // The quantity prompt (and a correction at the confirmation) only knows the overall maximum: no more than it has.
    if (change === 'reduce' && quantity !== undefined && quantity >= sub.quantity) {
      const m = messages(turnLocale(step.context)).customer.subscription;
      const hint = m.quantityHint(sub.quantity - 1);
      await step.context.sendActivity(hint);
      const again: AnswerPromptOptions = { prompt: m.askReduceQuantity(sub.offer, sub.quantity), hint, task: 'subscriptionChange' };
      return step.beginDialog(QUANTITY, again);
    }
    const unit = sub.unitPriceCny;
    const delta =
      unit === undefined
        ? undefined
        : {
            add: (quantity ?? 0) * unit,
            reduce: -(quantity ?? 0) * unit,
            cancel: -sub.quantity * unit,
            trialToPaid: (quantity ?? sub.quantity) * unit,
          }[change as 'add'];
    values.request = {
      change,
      offer: sub.offer,
      currentQuantity: sub.quantity,
      ...(quantity !== undefined && { quantity }),
      ...(change === 'changePlan' && { targetPlan: detail }),
      ...(delta !== undefined && { monthlyDeltaCny: delta }),
    };
    return step.beginDialog(CONFIRM, {
      prompt: messages(turnLocale(step.context)).customer.subscription.confirm(values.request),
      task: 'subscriptionChange',
    } satisfies AnswerPromptOptions);
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).customer;
    const answer = step.result as Answer;
    const values = step.values as Values;
    if (answer.kind === 'correction' || (answer.kind === 'answer' && typeof answer.value === 'string')) {
      // A new quantity at the confirmation, or asked again after one too many to remove: confirm again with it.
      const again: Confirming = { values: { ...values, request: undefined }, detail: String(answer.value) };
      return step.replaceDialog(CONFIRMING, again);
    }
    if (answer.kind !== 'answer') return giveUp(step);
    if (answer.value !== true) {
      await step.context.sendActivity(m.declined);
      return step.endDialog();
    }
    const request = values.request!;
    const directory = this.deps.identity.directory;
    const customer = directory.customerById(values.customerId)!;
    const ticket = await openTicket(
      step.context,
      this.deps.tickets,
      {
        category: 'subscription_change',
        customer: customer.id,
        title: `${m.subscription.changeNames[request.change]}: ${request.offer}`,
        summary: bilingual((c) => c.subscription.ticket(request, customer.company)),
        details: { ...request, subscriptionId: values.subscriptionId, ...(answer.note && { note: answer.note }) },
      },
      directory.reseller(),
      this.deps.focus,
    );
    if (ticket) await step.context.sendActivity(m.subscription.created(ticket.id, directory.reseller()));
    return step.endDialog();
  }

  private subs(values: Values): Subscription[] {
    return this.deps.identity.directory.subscriptionsOf(values.customerId);
  }
}
