import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { findInvoiceNumber, parsePeriod } from '../bot/directory/answerParsers.js';
import { chinaToday } from '../bot/directory/format.js';
import type { Invoice } from '../bot/directory/types.js';
import type { BillingTopic } from '../bot/directory/billingTopic.js';
import { messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { explainInvoice } from './billingAnswers.js';
import { articleText, type CustomerDialogDeps } from './customerDialogDeps.js';
import { BILLING_TOPICS } from './customerTopics.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import { bilingual, openTicket } from './openTicket.js';
import { AnswerPrompt, type Answer, type AnswerPromptOptions } from './prompts/answerPrompt.js';
import { giveUp } from './prompts/giveUp.js';
import { identified, requireCustomer } from './requireCustomer.js';
import { LOCALES } from '../bot/i18n/locale.js';
import { readTitle } from '../bot/nlu/answerInterpreter.js';

type MenuTopic = Exclude<BillingTopic, 'latest'>;
const MENU: readonly MenuTopic[] = ['explain', 'due', 'fapiao', 'payment', 'refund', 'period'];
const ARTICLE: Partial<Record<BillingTopic, string>> = {
  fapiao: 'billing/fapiao',
  payment: 'billing/payment-methods',
  refund: 'billing/refunds',
};

const MAIN = 'billingMain';
const OFFER = 'billingOffer';
const TOPIC = 'billingTopic';
const PERIOD = 'billingPeriod';
const CONFIRM = 'billingConfirm';

interface MainValues {
  question: string;
  customerId: string;
  /** The invoice just shown, which a follow-up ("a fapiao for that one") means. */
  focused?: string;
}
type Offer =
  | { readonly kind: 'fapiao'; readonly customerId: string; readonly invoice: string }
  | { readonly kind: 'escalate'; readonly customerId: string; readonly question: string };

/** The billing topic a first message names: by a keyword cue, or by a button title in either language. */
function topicIn(text: string): Exclude<BillingTopic, 'latest'> | undefined {
  const t = text.normalize('NFKC').toLowerCase();
  const titles = MENU.map((topic) => ({ id: topic, titles: LOCALES.map((l) => messages(l).customer.billing.topicNames[topic]) }));
  return BILLING_TOPICS.find(([, re]) => re.test(t))?.[0] ?? (readTitle(text, titles) as MenuTopic | undefined);
}

/** `billing`: the identified customer's invoices, what changed and why, amounts due, fapiao, and the articles for the rest. */
export class BillingDialog extends InterruptibleDialog {
  static readonly id = 'billingDialog';

  constructor(private readonly deps: CustomerDialogDeps) {
    super(BillingDialog.id);
    // The menu is optional: a typed question instead of a topic is answered as a new question.
    this.addDialog(new AnswerPrompt(TOPIC, { kind: 'choice', keywords: Object.fromEntries(BILLING_TOPICS) }, deps.recognizer));
    this.addDialog(
      new AnswerPrompt(
        PERIOD,
        { kind: 'field', field: { key: 'period', parse: (t) => parsePeriod(t, this.today()), names: /月|month|period/i } },
        deps.recognizer,
      ),
    );
    this.addDialog(new AnswerPrompt(CONFIRM, { kind: 'yesno' }, deps.recognizer));
    this.addDialog(new IdentifyDialog(deps.identity, deps.recognizer));
    this.addDialog(
      new WaterfallDialog(MAIN, [
        (s) => this.identify(s),
        (s) => this.firstAnswer(s),
        (s) => this.afterTopic(s),
        (s) => this.afterPeriod(s),
      ]),
    );
    this.addDialog(new WaterfallDialog(OFFER, [(s) => this.askOffer(s), (s) => this.afterOffer(s)]));
    this.initialDialogId = MAIN;
  }

  private today(): string {
    return chinaToday((this.deps.now ?? (() => new Date()))());
  }

  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as MainValues).question = step.context.activity.text ?? '';
    const focus = (step.options as ChildDialogOptions | undefined)?.focus;
    if (focus?.kind === 'invoice') (step.values as MainValues).focused = focus.number;
    return requireCustomer(step, this.deps.identity, (step.options as ChildDialogOptions | undefined)?.recognition?.entities);
  }

  private async firstAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = identified(this.deps.identity, step.result);
    if (!who) return step.endDialog();
    const values = step.values as MainValues;
    values.customerId = who.customer.id;
    const m = messages(turnLocale(step.context)).customer.billing;
    const invoices = this.deps.identity.directory.invoicesOf(who.customer.id);
    const number = findInvoiceNumber(values.question);
    if (number) {
      // Scoped to this customer: another customer's invoice number finds nothing, and says no more.
      const invoice = this.deps.identity.directory.invoiceOf(who.customer.id, number);
      await step.context.sendActivity(invoice ? m.invoiceSummary(invoice) : m.invoiceNotFound(number));
      if (invoice) await this.showing(step, who.customer.id, invoice);
      return step.endDialog();
    }
    const topic = topicIn(values.question);
    const period = parsePeriod(values.question, this.today());
    if (topic || period) return this.answer(step, topic ?? 'latest', period);
    if (invoices[0]) {
      await step.context.sendActivity(m.invoiceSummary(invoices[0]));
      await this.showing(step, who.customer.id, invoices[0]);
    } else await step.context.sendActivity(m.noInvoices);
    const choices = MENU.map((t) => ({
      id: t,
      titles: [m.topicNames[t], ...LOCALES.map((l) => messages(l).customer.billing.topicNames[t])],
    }));
    return step.beginDialog(TOPIC, { prompt: m.whatNext, choices } satisfies AnswerPromptOptions);
  }

  private async afterTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    return this.answer(step, answer.value as BillingTopic, undefined);
  }

  private async afterPeriod(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    return this.answer(step, 'latest', String(answer.value));
  }

  /** Answers one topic; `period` picks the invoice (latest otherwise). */
  private async answer(step: WaterfallStepContext, topic: BillingTopic, period: string | undefined): Promise<DialogTurnResult> {
    const locale = turnLocale(step.context);
    const m = messages(locale).customer.billing;
    const { customerId, question } = step.values as MainValues;
    const all = this.deps.identity.directory.invoicesOf(customerId);
    const send = (text: string) => step.context.sendActivity(text);
    if (topic === 'period') return step.beginDialog(PERIOD, { prompt: m.askPeriod, hint: m.periodHint } satisfies AnswerPromptOptions);
    if (topic === 'due') {
      const unpaid = all.filter((i) => i.status !== 'paid');
      await send(m.due(unpaid));
      // "How do we pay it?" or "a fapiao too?" next means the most pressing one: overdue first, else the newest.
      const pressing = unpaid.find((i) => i.status === 'overdue') ?? unpaid[0];
      if (pressing) await this.showing(step, customerId, pressing);
      return step.endDialog();
    }
    // The invoice meant: the month named, or the one just shown; its fapiao is the answer, not the whole article.
    const meant =
      (period ? all.find((i) => i.period === period) : undefined) ?? all.find((i) => i.number === (step.values as MainValues).focused);
    const article = ARTICLE[topic] && !(topic === 'fapiao' && meant) ? this.deps.articles.get(ARTICLE[topic], locale) : undefined;
    if (article) await step.context.sendActivity({ text: articleText(article), textFormat: 'markdown' });
    if (topic === 'fapiao') {
      if (all.length > 0) await send(m.fapiao(meant ? [meant] : all.slice(0, 3)));
      const open = meant ? (meant.fapiao === 'not_requested' ? meant : undefined) : all.find((i) => i.fapiao === 'not_requested');
      if (open) return step.replaceDialog(OFFER, { kind: 'fapiao', customerId, invoice: open.number } satisfies Offer);
      return step.endDialog();
    }
    if (topic === 'payment' || topic === 'refund')
      return step.replaceDialog(OFFER, { kind: 'escalate', customerId, question } satisfies Offer);
    if (all.length === 0) {
      await send(m.noInvoices);
      return step.endDialog();
    }
    const index = period ? all.findIndex((i) => i.period === period) : 0;
    if (index < 0) {
      await send(
        m.periodNotFound(
          period!,
          all.map((i) => i.period),
        ),
      );
      return step.endDialog();
    }
    const invoice = all[index]!;
    if (topic === 'explain') await send(explainInvoice(messages(locale), invoice, all[index + 1]));
    else await send(m.invoiceSummary(invoice));
    await this.showing(step, customerId, invoice);
    return step.endDialog();
  }

  /** Notes the invoice shown: a follow-up, here or later, means it. */
  private async showing(step: WaterfallStepContext, customerId: string, invoice: Invoice): Promise<void> {
    (step.values as MainValues).focused = invoice.number;
    await this.deps.focus?.show(step.context, { kind: 'invoice', customerId, number: invoice.number });
  }

  private async askOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const offer = step.options as Offer;
    (step.values as { offer?: Offer }).offer = offer;
    const m = messages(turnLocale(step.context)).customer.billing;
    const invoice = offer.kind === 'fapiao' ? this.deps.identity.directory.invoiceOf(offer.customerId, offer.invoice) : undefined;
    return step.beginDialog(CONFIRM, {
      prompt: invoice ? m.offerFapiao(invoice) : m.offerEscalation,
      task: 'billingRequest',
    } satisfies AnswerPromptOptions);
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const m = messages(turnLocale(step.context)).customer;
    const answer = step.result as Answer;
    if (answer.kind !== 'answer') return giveUp(step);
    if (answer.value !== true) {
      await step.context.sendActivity(m.declined);
      return step.endDialog();
    }
    const offer = (step.values as { offer: Offer }).offer;
    const directory = this.deps.identity.directory;
    const customer = directory.customerById(offer.customerId);
    if (!customer) return step.endDialog();
    const invoice = offer.kind === 'fapiao' ? directory.invoiceOf(customer.id, offer.invoice) : undefined;
    const ticket = await openTicket(
      step.context,
      this.deps.tickets,
      invoice
        ? {
            category: 'billing',
            customer: customer.id,
            title: `${m.billing.topicNames.fapiao}: ${invoice.number}`,
            summary: bilingual((c) => c.billing.fapiaoTicket(invoice, customer.company)),
            details: { request: 'fapiao', invoice: invoice.number, ...(answer.note && { note: answer.note }) },
          }
        : {
            category: 'billing',
            customer: customer.id,
            title: `${customer.company}: ${offer.kind === 'escalate' ? offer.question.slice(0, 60) : ''}`,
            summary: bilingual((c) => c.billing.escalationTicket(offer.kind === 'escalate' ? offer.question : '', customer.company)),
            details: { request: 'question', question: offer.kind === 'escalate' ? offer.question : '' },
          },
      directory.reseller(),
      this.deps.focus,
    );
    if (ticket) await step.context.sendActivity(invoice ? m.billing.fapiaoRequested(ticket.id, invoice) : m.billing.escalated(ticket.id));
    return step.endDialog();
  }
}
