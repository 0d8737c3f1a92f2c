import { TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messages } from '../bot/i18n/messages.js';
import { readChoice } from '../bot/nlu/answerInterpreter.js';
import { extractEntities } from '../bot/nlu/entities.js';
import { normaliseTicketId } from '../bot/tickets/ticketId.js';
import type { Ticket } from '../bot/tickets/types.js';
import { turnLocale } from '../bot/turnLocale.js';
import type { EscalationDeps } from './escalationDeps.js';
import { IdentifyDialog } from './identifyDialog.js';
import { InterruptibleDialog, restartMain } from './interruptibleDialog.js';
import type { ChildDialogOptions } from './mainDialog.js';
import { identified, requireCustomer } from './requireCustomer.js';

const MAIN = 'ticketStatusMain';
const WHICH = 'ticketStatusWhich';
const LIST_LIMIT = 10;

/** A ticket id in the text: "T-1024", "#1024", "工单1024", or a bare number. */
function ticketIdIn(text: string): string | undefined {
  return extractEntities(text).find((e) => e.type === 'ticketId')?.value ?? normaliseTicketId(text);
}

/**
 * `ticket_status`: the identified customer's own tickets, newest first, or one ticket's history. A ticket of
 * another customer gets exactly the same answer as one that does not exist.
 */
export class TicketStatusDialog extends InterruptibleDialog {
  static readonly id = 'ticketStatusDialog';

  constructor(private readonly deps: EscalationDeps) {
    super(TicketStatusDialog.id);
    this.addDialog(new IdentifyDialog(deps.identity, deps.recognizer));
    this.addDialog(new TextPrompt(WHICH));
    this.addDialog(new WaterfallDialog(MAIN, [(s) => this.identify(s), (s) => this.show(s), (s) => this.followUp(s)]));
    this.initialDialogId = MAIN;
  }

  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const o = step.options as ChildDialogOptions | undefined;
    const asked =
      o?.recognition?.entities.find((e) => e.type === 'ticketId')?.value ??
      ticketIdIn(step.context.activity.text ?? '') ??
      (o?.focus?.kind === 'ticket' ? o.focus.id : undefined);
    (step.values as { asked?: string }).asked = asked;
    return requireCustomer(step, this.deps.identity, o?.recognition?.entities ?? []);
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const who = identified(this.deps.identity, step.result);
    if (!who) return step.endDialog();
    (step.values as { customerId?: string }).customerId = who.customer.id;
    const asked = (step.values as { asked?: string }).asked;
    const m = messages(turnLocale(step.context)).escalation.status;
    if (asked) {
      await step.context.sendActivity(await this.detail(asked, who.customer.id, m));
      return step.endDialog();
    }
    const tickets = (await this.deps.tickets.list({ customer: who.customer.id })).sort(
      (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    );
    if (tickets.length === 0) {
      await step.context.sendActivity(m.none);
      return step.endDialog();
    }
    const listed = tickets.slice(0, LIST_LIMIT);
    (step.values as { listed?: Array<{ id: string; title: string }> }).listed = listed.map((t) => ({ id: t.id, title: t.title }));
    await step.context.sendActivity(m.list(listed));
    return step.prompt(WHICH, {});
  }

  /** A ticket number shows its history; anything else is a new question for the main dialog. */
  private async followUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result ?? '');
    // A ticket by its number, or by its place or title in the list just shown ("第一个", "the fapiao one").
    const listed = (step.values as { listed?: Array<{ id: string; title: string }> }).listed ?? [];
    const id =
      ticketIdIn(text) ??
      readChoice(
        text,
        listed.map((t) => ({ id: t.id, titles: [t.id, t.title] })),
      );
    if (!id) return restartMain(step);
    const customerId = (step.values as { customerId: string }).customerId;
    await step.context.sendActivity(await this.detail(id, customerId, messages(turnLocale(step.context)).escalation.status));
    return step.endDialog();
  }

  private async detail(id: string, customerId: string, m: ReturnType<typeof messages>['escalation']['status']): Promise<string> {
    const ticket: Ticket | undefined = await this.deps.tickets.get(id);
    return ticket && ticket.customer === customerId ? m.detail(ticket) : m.notFound(id);
  }
}
