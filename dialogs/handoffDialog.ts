import { EventFactory, type Activity, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Messages } from '../bot/i18n/messages.js';
import { parseEmail, parseMobile, parseName } from '../bot/directory/answerParsers.js';
import { summariseHealth } from '../bot/escalation/healthSummary.js';
import { formatOpening, supportWindow } from '../bot/escalation/supportHours.js';
import type { HandoffSummary, TranscriptLine } from '../bot/handoff/transcript.js';
import { LOCALES } from '../bot/i18n/locale.js';
import { messages } from '../bot/i18n/messages.js';
import { extractEntities } from '../bot/nlu/entities.js';
import { turnLocale } from '../bot/turnLocale.js';
import { whoIsAsking } from './customerIdentity.js';
import type { EscalationDeps } from './escalationDeps.js';
import { substantiveQuestion } from './handoffQuestion.js';
import { FormDialog, type FormValues } from './formDialog.js';
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { openTicket } from './openTicket.js';

const STEPS = 'handoffSteps';

interface Who {
  customerId?: string;
  company?: string;
  name?: string;
  email?: string;
  phone?: string;
}

interface Values {
  who: Who;
  identified: boolean;
  question?: string;
}

/** The form's answers as the handover reads them. */
function valuesOf(form: FormValues): Values {
  const contact = form.contact;
  return {
    identified: form.identified === 'yes',
    ...(form.question && { question: form.question }),
    who: {
      ...(form.customerId && { customerId: form.customerId }),
      ...(form.company && { company: form.company }),
      ...(form.name && { name: form.name }),
      ...(contact?.includes('@') ? { email: contact } : contact && { phone: contact }),
      ...(form.phone && { phone: form.phone }),
    },
  };
}

/** The anonymous visitor's name and contact, and the question when the message did not say it. */
class HandoffForm extends FormDialog {
  static readonly id = 'handoffForm';

  constructor(
    deps: EscalationDeps,
    private readonly done: (step: WaterfallStepContext, values: FormValues) => Promise<DialogTurnResult>,
  ) {
    const h = (m: Messages) => m.escalation.handoff;
    super(
      HandoffForm.id,
      [
        {
          key: 'name',
          names: /名字|姓名|称呼|name/i,
          parse: (t) => parseName(t, 1, 60),
          ask: (m) => h(m).askName,
          help: (m) => h(m).askName,
          hint: (m) => h(m).nameHint,
          label: (m) => h(m).nameLabel,
        },
        {
          key: 'contact',
          names: /邮箱|电话|手机|联系|e-?mail|phone|mobile|contact/i,
          parse: (t) => parseEmail(t) ?? parseMobile(t),
          ask: (m) => h(m).askContact,
          help: (m) => h(m).contactHelp,
          hint: (m) => h(m).contactHint,
          label: (m) => h(m).contactLabel,
        },
        {
          key: 'question',
          freeText: true,
          names: /问题|question/i,
          parse: (t) => (t.trim().length >= 2 ? t.trim().slice(0, 1000) : undefined),
          ask: (m) => h(m).askQuestion,
          help: (m) => h(m).askQuestion,
          hint: (m) => h(m).questionHint,
          label: (m) => h(m).questionLabel,
        },
      ],
      'handoff',
      deps.recognizer,
    );
  }

  protected confirmation(): undefined {
    return undefined;
  }

  protected declined(m: Messages): string {
    return m.customer.declined;
  }

  protected complete(step: WaterfallStepContext, values: FormValues): Promise<DialogTurnResult> {
    return this.done(step, values);
  }
}

/**
 * `escalate_human` (also "agent" / 转人工 anywhere, and "Talk to support"): a reseller ticket with a
 * bilingual summary and the recent conversation, then the Bot Framework handoff event so an agent hub
 * can take over. Anonymous visitors leave a name and a contact first. Outside support hours the ticket
 * is accepted and the customer told when a person will reply.
 */
export class HandoffDialog extends InterruptibleDialog {
  static readonly id = 'handoffDialog';

  constructor(private readonly deps: EscalationDeps) {
    super(HandoffDialog.id);
    this.addDialog(new HandoffForm(deps, (step, values) => this.handOver(step, values)));
    this.addDialog(new WaterfallDialog(STEPS, [(s) => this.start(s)]));
    this.initialDialogId = STEPS;
  }

  /** Who is asking and what about: an identified contact and a substantive message skip those questions. */
  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as Partial<ChildDialogOptions>;
    const recent = await this.deps.recent.get(step.context, []);
    const question = substantiveQuestion(step.context.activity.text ?? '', options.recognition?.intent, recent);
    const who = await whoIsAsking(step.context, this.deps.identity);
    const values: Record<string, string> = { ...(question && { question }) };
    if (who.status === 'identified') {
      Object.assign(values, {
        identified: 'yes',
        customerId: who.customer.id,
        company: who.customer.company,
        name: who.contact.name,
        contact: who.contact.email,
        ...(who.contact.phone && { phone: who.contact.phone }),
      });
    } else {
      // Teams names the signed-in user; elsewhere the visitor types it.
      const teamsName =
        step.context.activity.channelId === 'msteams' ? parseName(step.context.activity.from?.name ?? '', 1, 60) : undefined;
      if (teamsName) values.name = teamsName;
    }
    return step.replaceDialog(HandoffForm.id, { values });
  }

  private async handOver(step: WaterfallStepContext, form: FormValues): Promise<DialogTurnResult> {
    const context = step.context;
    const values = valuesOf(form);
    const locale = turnLocale(context);
    const m = messages(locale).escalation.handoff;
    const question = values.question ?? m.notGiven;
    const recognition = values.question ? await this.deps.recognizer.recognize(values.question, locale) : undefined;
    const recent = await this.deps.recent.get(context, []);
    const services = this.servicesOf(question, recent, values.who.customerId);
    const health = await summariseHealth(this.deps.health, services);
    const who = values.who;
    const contact = who.email ?? who.phone;
    const summaryFor = (l: (typeof LOCALES)[number]) => {
      const s: HandoffSummary = {
        customer: {
          ...(who.company && { company: who.company, id: who.customerId }),
          ...(who.name && { name: who.name }),
          ...(contact && { contact }),
        },
        question,
        intent: recognition?.intent ?? 'escalate_human',
        score: recognition?.score ?? 0,
        health: health[l],
        transcript: recent,
      };
      return messages(l).escalation.handoff.ticketSummary(s);
    };
    const reseller = this.deps.identity.directory.reseller();
    const ticket = await openTicket(
      context,
      this.deps.tickets,
      {
        category: 'handoff',
        ...(who.customerId && { customer: who.customerId }),
        title: m.ticketTitle(question),
        summary: { 'zh-CN': summaryFor('zh-CN'), en: summaryFor('en') },
        details: {
          question,
          intent: recognition?.intent ?? 'escalate_human',
          score: recognition?.score ?? 0,
          services,
          ...(who.name && { contactName: who.name }),
          ...(who.email && { contactEmail: who.email }),
          ...(who.phone && { contactPhone: who.phone }),
          identified: values.identified,
          channel: context.activity.channelId,
          transcript: recent,
        },
      },
      reseller,
    );
    if (!ticket) return step.endDialog();

    const now = (this.deps.now ?? (() => new Date()))();
    const window = reseller ? supportWindow(reseller, now) : { open: true };
    // The reseller's desk posts its card and tells the customer; in HANDOFF_MODE=both the hub's event goes too.
    const desk = await this.deps.desk?.handOver(context, { ticket, locale, health, window, ...(who.name && { customerName: who.name }) });
    const info = { customer: who.customerId, company: who.company, name: who.name, contact, question, summary: summaryFor(locale) };
    if (desk?.handled) {
      if (desk.hub && window.open) await this.initiateHandoff(context, ticket.id, info, recent);
      return step.endDialog();
    }
    if (!window.open && reseller && window.nextOpen) {
      // Nobody is there to take over: the ticket waits for the team, and the bot stays available.
      await context.sendActivity(m.handedOverAfterHours(ticket.id, reseller, formatOpening(window.nextOpen, locale, reseller.timeZone)));
      return step.endDialog();
    }
    await this.initiateHandoff(context, ticket.id, info, recent);
    await this.deps.handoff.set(context, { ticketId: ticket.id, since: now.toISOString(), locale });
    await context.sendActivity(m.handedOver(ticket.id, reseller));
    return step.endDialog();
  }

  /** The handoff protocol's initiation event with the recent conversation as its transcript attachment. */
  private async initiateHandoff(
    context: TurnContext,
    ticketId: string,
    info: Record<string, string | undefined>,
    recent: readonly TranscriptLine[],
  ): Promise<void> {
    const user = context.activity.from;
    const bot = context.activity.recipient;
    const activities = recent.map((l): Activity => {
      const line: Partial<Activity> = {
        type: 'message',
        text: l.text,
        timestamp: new Date(l.at),
        channelId: context.activity.channelId,
        conversation: context.activity.conversation,
        from:
          l.role === 'user'
            ? { id: user?.id ?? 'user', name: user?.name ?? '', role: 'user' }
            : { id: bot?.id ?? 'bot', name: bot?.name ?? '', role: 'bot' },
      };
      return line as Activity;
    });
    const handoffContext = {
      ticketId,
      locale: turnLocale(context),
      skill: 'reseller-support',
      ...Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)),
    };
    try {
      await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities }));
    } catch {
      // A channel without an agent hub may refuse event activities; the ticket already reaches the team.
    }
  }

  /** Services named in the question or the recent messages; else the customer's subscribed services. */
  private servicesOf(question: string, recent: readonly TranscriptLine[], customerId: string | undefined): string[] {
    const texts = [question, ...recent.filter((l) => l.role === 'user').map((l) => l.text)];
    const named = new Set(
      texts.flatMap((t) =>
        extractEntities(t)
          .filter((e) => e.type === 'service')
          .map((e) => e.value),
      ),
    );
    if (named.size > 0 || !customerId) return [...named];
    return [...new Set(this.deps.identity.directory.subscriptionsOf(customerId).flatMap((s) => s.services))];
  }
}
