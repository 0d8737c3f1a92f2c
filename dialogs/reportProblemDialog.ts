import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseEmail, parseName } from '../bot/directory/answerParsers.js';
import { parseDescription, parseGuid, parsePhone, parseService, parseSeverity, parseTitle, SKIP_WORDS } from '../bot/escalation/fieldParsers.js';
import { parseStartTime } from '../bot/escalation/parseStartTime.js';
import { SEVERITIES, type ServiceRequestDraft, type Severity } from '../bot/escalation/serviceRequest.js';
import type { ReportMessages } from '../bot/i18n/escalationMessages.js';
import { LOCALES } from '../bot/i18n/locale.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { EscalationDeps } from './escalationDeps.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { requesterOf } from './openTicket.js';
import { FieldPrompt, GAVE_UP, giveUpAfterTries, withButtons, type FieldParser } from './prompts/fieldPrompt.js';
import { YesNoPrompt } from './prompts/yesNoPrompt.js';
import { identified, requireCustomer } from './requireCustomer.js';

const FIELDS = ['service', 'severity', 'title', 'description', 'startedAt', 'correlationId', 'subscriptionId', 'contactName', 'contactEmail', 'contactPhone'] as const;
type Field = (typeof FIELDS)[number];
/** Marks an optional field the customer skipped. */
const SKIPPED = '\u0000skipped';

const MAIN = 'reportMain';
const FORM = 'reportForm';
const CONFIRM = 'reportConfirm';
const PROMPT: Record<Field, string> = Object.fromEntries(FIELDS.map((f) => [f, `report.${f}`])) as Record<Field, string>;

interface FormValues {
  form: Partial<Record<Field, string>>;
  customerId: string;
  company: string;
  tenantId: string;
}

const hint = (pick: (r: ReportMessages) => string) => ({ hint: (m: Messages) => pick(m.escalation.report) });
const skipTitles = LOCALES.map((l) => messages(l).escalation.report.skip.toLowerCase());
/** Optional answers: the Skip button or "skip"/"没有" in either language, else the parser. */
const optional = (parse: (t: string) => string | undefined, onBad: (r: ReportMessages) => string): FieldParser => (t) =>
  SKIP_WORDS.test(t.trim()) || skipTitles.includes(t.trim().toLowerCase()) ? SKIPPED : (parse(t) ?? hint(onBad));

/**
 * `report_problem`: a service request to 21Vianet on the customer's behalf. Collects what 21Vianet needs
 * (prefilled from the identified contact and the message), confirms, stores it as a `21vianet` ticket
 * with an outbox entry, then submits it through Partner Center when that is configured.
 */
export class ReportProblemDialog extends InterruptibleDialog {
  static readonly id = 'reportProblemDialog';

  constructor(private readonly deps: EscalationDeps) {
    super(ReportProblemDialog.id);
    const now = () => (deps.now ?? (() => new Date()))();
    const serviceTitles = (id: string) => LOCALES.map((l) => messages(l).escalation.report.serviceName(id));
    const otherTitles = LOCALES.map((l) => messages(l).escalation.report.otherService);
    this.addDialog(new FieldPrompt(PROMPT.service, (t) => parseService(t, serviceTitles, otherTitles) ?? hint((r) => r.serviceHint)));
    this.addDialog(new FieldPrompt(PROMPT.severity, (t) => parseSeverity(t) ?? hint((r) => r.severityHint)));
    this.addDialog(new FieldPrompt(PROMPT.title, (t) => parseTitle(t) ?? hint((r) => r.titleHint)));
    this.addDialog(new FieldPrompt(PROMPT.description, (t) => parseDescription(t) ?? hint((r) => r.descriptionHint)));
    this.addDialog(new FieldPrompt(PROMPT.startedAt, optional((t) => parseStartTime(t, now()), (r) => r.startedAtHint)));
    this.addDialog(new FieldPrompt(PROMPT.correlationId, optional(parseGuid, (r) => r.correlationIdHint)));
    this.addDialog(new FieldPrompt(PROMPT.subscriptionId, optional(parseGuid, (r) => r.subscriptionIdHint)));
    this.addDialog(new FieldPrompt(PROMPT.contactName, (t) => parseName(t, 1, 60) ?? hint((r) => r.contactNameHint)));
    this.addDialog(new FieldPrompt(PROMPT.contactEmail, (t) => parseEmail(t) ?? hint((r) => r.emailHint)));
    this.addDialog(new FieldPrompt(PROMPT.contactPhone, (t) => parsePhone(t) ?? hint((r) => r.phoneHint)));
    this.addDialog(new YesNoPrompt(CONFIRM, giveUpAfterTries));
    this.addDialog(new IdentifyDialog(deps.identity));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.identify(s), (s) => this.prefill(s)]));
    this.addDialog(new WaterfallDialog(FORM, [...FIELDS.map((f, i) => (s: WaterfallStepContext) => this.collect(s, f, i)), (s) => this.confirm(s), (s) => this.submit(s)]));
    this.initialDialogId = MAIN;
  }

  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as ChildDialogOptions | undefined;
    (step.values as { options?: ChildDialogOptions }).options = o;
    return requireCustomer(step, this.deps.identity, o?.recognition?.entities ?? []);
  }

  private async prefill(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = identified(this.deps.identity, step.result);
    if (!who) return step.endDialog();
    const entities = (step.values as { options?: ChildDialogOptions }).options?.recognition?.entities ?? [];
    const service = entities.find((e) => e.type === 'service')?.value;
    const form: Partial<Record<Field, string>> = {
      contactName: who.contact.name,
      contactEmail: who.contact.email,
      ...(who.contact.phone && parsePhone(who.contact.phone) && { contactPhone: parsePhone(who.contact.phone) }),
      ...(service && { service }),
    };
    await step.context.sendActivity(messages(turnLocale(step.context)).escalation.report.intro);
    return step.replaceDialog(FORM, { form, customerId: who.customer.id, company: who.customer.company, tenantId: who.customer.tenantId } satisfies FormValues);
  }

  private async collect(step: WaterfallStepContext, field: Field, index: number): Promise<DialogTurnResult> {
    const values = step.values as FormValues;
    if (index === 0) Object.assign(values, structuredClone(step.options as FormValues));
    else {
      if (step.result === GAVE_UP) return this.giveUp(step);
      if (typeof step.result === 'string') values.form[FIELDS[index - 1]!] = step.result;
    }
    // Azure subscriptions only matter for Azure services.
    if (field === 'subscriptionId' && !values.form.service?.startsWith('azure')) values.form.subscriptionId = SKIPPED;
    if (values.form[field]) return step.next();
    const r = messages(turnLocale(step.context)).escalation.report;
    const question: Record<Field, () => ReturnType<typeof withButtons> | string> = {
      service: () => withButtons(r.askService, [...this.servicesOf(values.customerId).map(r.serviceName), r.otherService]),
      severity: () => withButtons(r.askSeverity, SEVERITIES.map((s) => r.severityNames[s])),
      title: () => r.askTitle,
      description: () => r.askDescription,
      startedAt: () => withButtons(r.askStartedAt, [r.skip]),
      correlationId: () => withButtons(r.askCorrelationId, [r.skip]),
      subscriptionId: () => withButtons(r.askSubscriptionId, [r.skip]),
      contactName: () => r.askContactName,
      contactEmail: () => r.askEmail,
      contactPhone: () => r.askPhone,
    };
    return step.prompt(PROMPT[field], { prompt: question[field]() });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === GAVE_UP) return this.giveUp(step);
    const values = step.values as FormValues;
    if (typeof step.result === 'string') values.form.contactPhone = step.result;
    const draft = this.draftOf(values, turnLocale(step.context));
    return step.prompt(CONFIRM, { prompt: messages(turnLocale(step.context)).escalation.report.confirm(draft) });
  }

  private async submit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const locale = turnLocale(step.context);
    const m = messages(locale);
    if (step.result === undefined) return this.giveUp(step);
    if (step.result === false) {
      await step.context.sendActivity(m.escalation.report.declined);
      return step.endDialog();
    }
    const values = step.values as FormValues;
    const reseller = this.deps.identity.directory.reseller();
    const requester = requesterOf(step.context);
    let reported;
    try {
      reported = await this.deps.escalator.report(this.draftOf(values, locale), { customer: values.customerId, locale, ...(requester && { requester }) });
    } catch {
      await step.context.sendActivity(m.customer.ticketFailed(reseller));
      return step.endDialog();
    }
    const { ticket, state } = reported;
    const r = m.escalation.report;
    const outcome = state === 'pending' && this.deps.submitter ? await this.deps.submitter.submitNow(ticket.id).catch(() => ({ kind: 'queued' as const })) : { kind: 'manual' as const };
    const reply =
      outcome.kind === 'submitted' ? r.submitted(ticket.id, outcome.partnerCenterId)
      : outcome.kind === 'queued' ? r.queued(ticket.id)
      : outcome.kind === 'rejected' ? r.rejected(ticket.id, reseller)
      : r.manual(ticket.id, reseller);
    await step.context.sendActivity(reply);
    return step.endDialog();
  }

  private draftOf(values: FormValues, locale: (typeof LOCALES)[number]): ServiceRequestDraft {
    const f = values.form;
    const opt = (v: string | undefined) => (v && v !== SKIPPED ? v : undefined);
    const startedAt = opt(f.startedAt);
    const correlationId = opt(f.correlationId);
    const subscriptionId = opt(f.subscriptionId);
    return {
      title: f.title!, description: f.description!, service: f.service!, severity: f.severity as Severity,
      contactName: f.contactName!, contactEmail: f.contactEmail!, contactPhone: f.contactPhone!, preferredLanguage: locale,
      tenantId: values.tenantId, company: values.company, customerId: values.customerId,
      ...(startedAt && { startedAt }), ...(correlationId && { correlationId }), ...(subscriptionId && { subscriptionId }),
    };
  }

  /** The services in the customer's subscriptions, for the buttons (at most eight). */
  private servicesOf(customerId: string): string[] {
    return [...new Set(this.deps.identity.directory.subscriptionsOf(customerId).flatMap((s) => s.services))].slice(0, 8);
  }

  private async giveUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(messages(turnLocale(step.context)).customer.giveUp);
    return step.endDialog();
  }
}
