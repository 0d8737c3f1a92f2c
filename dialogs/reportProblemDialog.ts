import { chinaDateTime } from '../bot/i18n/escalationFormat.js';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { parseEmail, parseName } from '../bot/directory/answerParsers.js';
import { parseDescription, parseGuid, parsePhone, parseService, parseSeverity, parseTitle } from '../bot/escalation/fieldParsers.js';
import { parseStartTime } from '../bot/escalation/parseStartTime.js';
import { REPORT_FIELDS, SEVERITIES, type ReportField, type ServiceRequestDraft, type Severity } from '../bot/escalation/serviceRequest.js';
import { LOCALES, type Locale } from '../bot/i18n/locale.js';
import { messages, type Messages } from '../bot/i18n/messages.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { EscalationDeps } from './escalationDeps.js';
import { FormDialog, SKIPPED, type FormField, type FormValues } from './formDialog.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { requesterOf } from './openTicket.js';
import { withButtons } from './prompts/answerPrompt.js';
import { identified, requireCustomer } from './requireCustomer.js';

const MAIN = 'reportMain';

/** Who the request is for: kept with the answers, never asked. */
interface Customer {
  readonly customerId: string;
  readonly company: string;
  readonly tenantId: string;
}

const NAMES: Readonly<Record<ReportField, RegExp>> = {
  service: /服务|产品|service|product/i,
  severity: /级别|严重|紧急|severity|priority|\b[abc]\b/i,
  title: /标题|title|subject/i,
  description: /描述|说明|详情|description|details/i,
  startedAt: /时间|什么时候|几点|开始|time|when|started/i,
  correlationId: /关联|correlation|request id|请求 ?id/i,
  subscriptionId: /订阅|subscription/i,
  contactName: /联系人|姓名|名字|contact name|\bname\b/i,
  contactEmail: /邮箱|邮件|e-?mail/i,
  contactPhone: /电话|手机|号码|phone|mobile/i,
};
const OPTIONAL: ReadonlySet<ReportField> = new Set(['startedAt', 'correlationId', 'subscriptionId']);
const FREE_TEXT: ReadonlySet<ReportField> = new Set(['title', 'description']);

/** The service request form: what 21Vianet needs, prefilled from the identified contact and the message. */
class ReportForm extends FormDialog {
  static readonly id = 'reportForm';

  constructor(private readonly deps: EscalationDeps) {
    const now = () => (deps.now ?? (() => new Date()))();
    const serviceTitles = (id: string) => LOCALES.map((l) => messages(l).escalation.report.serviceName(id));
    const otherTitles = LOCALES.map((l) => messages(l).escalation.report.otherService);
    const parse: Record<ReportField, (t: string) => string | undefined> = {
      service: (t) => parseService(t, serviceTitles, otherTitles),
      severity: parseSeverity,
      title: parseTitle,
      description: parseDescription,
      startedAt: (t) => parseStartTime(t, now()),
      correlationId: parseGuid,
      subscriptionId: parseGuid,
      contactName: (t) => parseName(t, 1, 60),
      contactEmail: parseEmail,
      contactPhone: parsePhone,
    };
    const fields = REPORT_FIELDS.map((key): FormField => ({
      key,
      names: NAMES[key],
      parse: parse[key],
      ...(OPTIONAL.has(key) && { optional: true }),
      ...(FREE_TEXT.has(key) && { freeText: true }),
      // Azure subscriptions only matter for Azure services.
      ...(key === 'subscriptionId' && { when: (v: FormValues) => v.service?.startsWith('azure') ?? false }),
      ask: (m, v) => askFor(key, m, this.servicesOf(v.customerId ?? '')),
      help: (m) => m.escalation.report.fieldHelp[key],
      hint: (m) => hintFor(key, m),
      label: (m) => m.escalation.report.fieldLabels[key],
      // A corrected start time is shown as the customer reads times, not as the stored ISO instant.
      ...(key === 'startedAt' && {
        show: (value: string, _m: Messages, locale: Locale) => chinaDateTime(value, locale),
      }),
    }));
    super(ReportForm.id, fields, 'reportProblem', deps.recognizer);
  }

  protected confirmation(m: Messages, values: FormValues, locale: Locale): string {
    return m.escalation.report.confirm(draftOf(values, locale));
  }

  protected declined(m: Messages): string {
    return m.escalation.report.declined;
  }

  protected complete(step: WaterfallStepContext, values: FormValues): Promise<DialogTurnResult> {
    return submit(step, values, this.deps);
  }

  /** The services in the customer's subscriptions, for the buttons (at most eight). */
  private servicesOf(customerId: string): string[] {
    return [...new Set(this.deps.identity.directory.subscriptionsOf(customerId).flatMap((s) => s.services))].slice(0, 8);
  }
}

function askFor(key: ReportField, m: Messages, services: readonly string[]): ReturnType<FormField['ask']> {
  const r = m.escalation.report;
  switch (key) {
    case 'service':
      return withButtons(r.askService, [...services.map(r.serviceName), r.otherService]);
    case 'severity':
      return withButtons(
        r.askSeverity,
        SEVERITIES.map((s) => r.severityNames[s]),
      );
    case 'title':
      return r.askTitle;
    case 'description':
      return r.askDescription;
    case 'startedAt':
      return r.askStartedAt;
    case 'correlationId':
      return r.askCorrelationId;
    case 'subscriptionId':
      return r.askSubscriptionId;
    case 'contactName':
      return r.askContactName;
    case 'contactEmail':
      return r.askEmail;
    case 'contactPhone':
      return r.askPhone;
  }
}

function hintFor(key: ReportField, m: Messages): string {
  const r = m.escalation.report;
  const hints: Record<ReportField, string> = {
    service: r.serviceHint,
    severity: r.severityHint,
    title: r.titleHint,
    description: r.descriptionHint,
    startedAt: r.startedAtHint,
    correlationId: r.correlationIdHint,
    subscriptionId: r.subscriptionIdHint,
    contactName: r.contactNameHint,
    contactEmail: r.emailHint,
    contactPhone: r.phoneHint,
  };
  return hints[key];
}

function draftOf(values: FormValues, locale: (typeof LOCALES)[number]): ServiceRequestDraft {
  const opt = (v: string | undefined) => (v && v !== SKIPPED ? v : undefined);
  const startedAt = opt(values.startedAt);
  const correlationId = opt(values.correlationId);
  const subscriptionId = opt(values.subscriptionId);
  return {
    title: values.title!,
    description: values.description!,
    service: values.service!,
    severity: values.severity as Severity,
    contactName: values.contactName!,
    contactEmail: values.contactEmail!,
    contactPhone: values.contactPhone!,
    preferredLanguage: locale,
    tenantId: values.tenantId!,
    company: values.company!,
    customerId: values.customerId!,
    ...(startedAt && { startedAt }),
    ...(correlationId && { correlationId }),
    ...(subscriptionId && { subscriptionId }),
  };
}

/**
 * `report_problem`: a service request to 21Vianet on the customer's behalf. Collects what 21Vianet needs
 * (prefilled from the identified contact and the message), confirms, stores it as a `21vianet` ticket
 * with an outbox entry, then submits it through Partner Center when that is configured.
 */
export class ReportProblemDialog extends InterruptibleDialog {
  static readonly id = 'reportProblemDialog';

  constructor(private readonly deps: EscalationDeps) {
    super(ReportProblemDialog.id);
    this.addDialog(new ReportForm(deps));
    this.addDialog(new IdentifyDialog(deps.identity, deps.recognizer));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.identify(s), (s) => this.prefill(s)]));
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
    const phone = who.contact.phone && parsePhone(who.contact.phone);
    const customer: Customer = { customerId: who.customer.id, company: who.customer.company, tenantId: who.customer.tenantId };
    const values: Record<string, string> = {
      ...customer,
      contactName: who.contact.name,
      contactEmail: who.contact.email,
      ...(phone && { contactPhone: phone }),
      ...(service && { service }),
    };
    await step.context.sendActivity(messages(turnLocale(step.context)).escalation.report.intro);
    return step.replaceDialog(ReportForm.id, { values });
  }
}

/** Stores the request as a 21Vianet ticket with its outbox entry, and submits it when Partner Center is there. */
async function submit(step: WaterfallStepContext, values: FormValues, deps: EscalationDeps): Promise<DialogTurnResult> {
  const locale = turnLocale(step.context);
  const m = messages(locale);
  const reseller = deps.identity.directory.reseller();
  const requester = requesterOf(step.context);
  let reported;
  try {
    reported = await deps.escalator.report(draftOf(values, locale), {
      customer: values.customerId!,
      locale,
      ...(requester && { requester }),
    });
  } catch {
    await step.context.sendActivity(m.customer.ticketFailed(reseller));
    return step.endDialog();
  }
  const { ticket, state } = reported;
  const r = m.escalation.report;
  const outcome =
    state === 'pending' && deps.submitter
      ? await deps.submitter.submitNow(ticket.id).catch(() => ({ kind: 'queued' as const }))
      : { kind: 'manual' as const };
  const reply =
    outcome.kind === 'submitted'
      ? r.submitted(ticket.id, outcome.partnerCenterId)
      : outcome.kind === 'queued'
        ? r.queued(ticket.id)
        : outcome.kind === 'rejected'
          ? r.rejected(ticket.id, reseller)
          : r.manual(ticket.id, reseller);
  await step.context.sendActivity(reply);
  await deps.focus?.show(step.context, { kind: 'ticket', id: ticket.id });
  return step.endDialog();
}
