import { EventFactory, type Activity, type TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
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
import { InterruptibleDialog } from './interruptibleDialog.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { openTicket } from './openTicket.js';
import { FieldPrompt, GAVE_UP } from './prompts/fieldPrompt.js';

const STEPS = 'handoffSteps';
const NAME = 'handoff.name';
const CONTACT = 'handoff.contact';
const QUESTION = 'handoff.question';

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

const valuesOf = (step: WaterfallStepContext) => step.values as Values;

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
    const hint = (pick: (m: ReturnType<typeof messages>['escalation']['handoff']) => string) => ({ hint: (m: ReturnType<typeof messages>) => pick(m.escalation.handoff) });
    this.addDialog(new FieldPrompt(NAME, (t) => parseName(t, 1, 60) ?? hint((h) => h.nameHint)));
    this.addDialog(new FieldPrompt(CONTACT, (t) => parseEmail(t) ?? parseMobile(t) ?? hint((h) => h.contactHint)));
    this.addDialog(new FieldPrompt(QUESTION, (t) => (t.length >= 2 ? t.slice(0, 1000) : hint((h) => h.questionHint))));
    this.addDialog(new WaterfallDialog(STEPS, [(s) => this.start(s), (s) => this.askContact(s), (s) => this.askQuestion(s), (s) => this.handOver(s)]));
    this.initialDialogId = STEPS;
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as Partial<ChildDialogOptions>;
    const recent = await this.deps.recent.get(step.context, []);
    const values = valuesOf(step);
    values.question = substantiveQuestion(step.context.activity.text ?? '', options.recognition?.intent, recent);
    const who = await whoIsAsking(step.context, this.deps.identity);
    if (who.status === 'identified') {
      values.identified = true;
      values.who = { customerId: who.customer.id, company: who.customer.company, name: who.contact.name, email: who.contact.email, ...(who.contact.phone && { phone: who.contact.phone }) };
      return step.next();
    }
    values.identified = false;
    values.who = {};
    // Teams names the signed-in user; elsewhere the visitor types it.
    const teamsName = step.context.activity.channelId === 'msteams' ? parseName(step.context.activity.from?.name ?? '', 1, 60) : undefined;
    if (teamsName) return step.next(teamsName);
    return step.prompt(NAME, { prompt: messages(turnLocale(step.context)).escalation.handoff.askName });
  }

  private async askContact(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = valuesOf(step);
    if (values.identified) return step.next();
    if (typeof step.result === 'string' && step.result !== GAVE_UP) values.who.name = step.result;
    return step.prompt(CONTACT, { prompt: messages(turnLocale(step.context)).escalation.handoff.askContact });
  }

  private async askQuestion(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = valuesOf(step);
    if (!values.identified && typeof step.result === 'string' && step.result !== GAVE_UP) {
      if (step.result.includes('@')) values.who.email = step.result;
      else values.who.phone = step.result;
    }
    if (values.question) return step.next();
    return step.prompt(QUESTION, { prompt: messages(turnLocale(step.context)).escalation.handoff.askQuestion });
  }

  private async handOver(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const values = valuesOf(step);
    if (!values.question && typeof step.result === 'string' && step.result !== GAVE_UP) values.question = step.result;
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
        customer: { ...(who.company && { company: who.company, id: who.customerId }), ...(who.name && { name: who.name }), ...(contact && { contact }) },
        question, intent: recognition?.intent ?? 'escalate_human', score: recognition?.score ?? 0, health: health[l], transcript: recent,
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
          question, intent: recognition?.intent ?? 'escalate_human', score: recognition?.score ?? 0, services,
          ...(who.name && { contactName: who.name }), ...(who.email && { contactEmail: who.email }), ...(who.phone && { contactPhone: who.phone }),
          identified: values.identified, channel: context.activity.channelId, transcript: recent,
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
  private async initiateHandoff(context: TurnContext, ticketId: string, info: Record<string, string | undefined>, recent: readonly TranscriptLine[]): Promise<void> {
    const user = context.activity.from;
    const bot = context.activity.recipient;
    const activities = recent.map((l): Activity => {
      const line: Partial<Activity> = {
        type: 'message', text: l.text, timestamp: new Date(l.at), channelId: context.activity.channelId, conversation: context.activity.conversation,
        from: l.role === 'user' ? { id: user?.id ?? 'user', name: user?.name ?? '', role: 'user' } : { id: bot?.id ?? 'bot', name: bot?.name ?? '', role: 'bot' },
      };
      return line as Activity;
    });
    const handoffContext = { ticketId, locale: turnLocale(context), skill: 'reseller-support', ...Object.fromEntries(Object.entries(info).filter(([, v]) => v !== undefined)) };
    try {
      await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities }));
    } catch {
      // A channel without an agent hub may refuse event activities; the ticket already reaches the team.
    }
  }

  /** Services named in the question or the recent messages; else the customer's subscribed services. */
  private servicesOf(question: string, recent: readonly TranscriptLine[], customerId: string | undefined): string[] {
    const texts = [question, ...recent.filter((l) => l.role === 'user').map((l) => l.text)];
    const named = new Set(texts.flatMap((t) => extractEntities(t).filter((e) => e.type === 'service').map((e) => e.value)));
    if (named.size > 0 || !customerId) return [...named];
    return [...new Set(this.deps.identity.directory.subscriptionsOf(customerId).flatMap((s) => s.services))];
  }
}
