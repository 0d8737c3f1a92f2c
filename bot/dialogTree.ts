import type { ConversationState, UserState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { AccountSetupDialog } from '../dialogs/accountSetupDialog.js';
import { BillingDialog } from '../dialogs/billingDialog.js';
import type { CustomerDialogDeps } from '../dialogs/customerDialogDeps.js';
import type { EscalationDeps } from '../dialogs/escalationDeps.js';
import { HandoffDialog } from '../dialogs/handoffDialog.js';
import { ReportProblemDialog } from '../dialogs/reportProblemDialog.js';
import { TicketStatusDialog } from '../dialogs/ticketStatusDialog.js';
import { FaqDialog } from '../dialogs/faqDialog.js';
import type { AnswerSource, FeedbackSink } from '../dialogs/faqPorts.js';
import { MainDialog } from '../dialogs/mainDialog.js';
import { FocusTracker } from '../dialogs/focusTracker.js';
import { FollowUps } from '../dialogs/followUps.js';
import { clarifyingChoices } from './knowledge/clarifyingChoices.js';
import { createCustomerLookup } from '../dialogs/customerIdentity.js';
import type { FocusRecord } from './conversation/focus.js';
import type { SetAsideTask } from './conversation/task.js';
import { ServiceHealthDialog, type WatchSink } from '../dialogs/serviceHealthDialog.js';
import { SubscriptionDialog } from '../dialogs/subscriptionDialog.js';
import type { CustomerDirectory } from './directory/customerDirectory.js';
import type { CustomerRef } from './directory/types.js';
import type { HealthSource } from './health/types.js';
import { answersDirectly } from './knowledge/directAnswer.js';
import type { Intent } from './nlu/intents.js';
import type { Recognizer } from './nlu/types.js';
import type { TicketStore } from './tickets/types.js';

export interface DialogTreeDeps {
  readonly recognizer: Recognizer;
  readonly conversationState: ConversationState;
  readonly userState: UserState;
  readonly answers: AnswerSource & CustomerDialogDeps['articles'];
  readonly feedback: FeedbackSink;
  readonly directory: CustomerDirectory;
  readonly tickets: TicketStore;
  /** Service health: the source and where incident-resolved subscriptions go. */
  readonly health?: { readonly source: HealthSource; readonly watches: WatchSink };
  /** Handoff, report a problem, ticket status (bot/escalationServices.ts). */
  readonly escalation?: Omit<EscalationDeps, 'identity' | 'tickets' | 'recognizer'>;
}

/** The main dialog with every child dialog the app has, routed by intent. */
export function buildDialogTree(deps: DialogTreeDeps): { main: MainDialog; customer: CustomerDialogDeps } {
  const focus = new FocusTracker(deps.conversationState.createProperty<FocusRecord | undefined>('focus'));
  const customer: CustomerDialogDeps = {
    identity: { directory: deps.directory, customerRef: deps.conversationState.createProperty<CustomerRef | undefined>('customerRef') },
    tickets: deps.tickets,
    articles: deps.answers,
    recognizer: deps.recognizer,
    focus,
  };
  const children: Partial<Record<Intent, Dialog>> = {
    howto_faq: new FaqDialog(deps.answers, deps.feedback, undefined, focus),
    account_setup: new AccountSetupDialog(customer),
    billing: new BillingDialog(customer),
    subscription: new SubscriptionDialog(customer),
    ...(deps.health && {
      service_health: new ServiceHealthDialog({
        ...deps.health,
        identity: customer.identity,
        articles: deps.answers,
        recognizer: deps.recognizer,
        focus,
      }),
    }),
  };
  if (deps.escalation) {
    const escalation: EscalationDeps = {
      ...deps.escalation,
      identity: customer.identity,
      tickets: deps.tickets,
      recognizer: deps.recognizer,
      focus,
    };
    children.escalate_human = new HandoffDialog(escalation);
    children.report_problem = new ReportProblemDialog(escalation);
    children.ticket_status = new TicketStatusDialog(escalation);
  }
  const main = new MainDialog(deps.recognizer, {
    children,
    lowConfidenceStreak: deps.conversationState.createProperty<number>('lowConfidenceStreak'),
    setAside: deps.conversationState.createProperty<SetAsideTask | undefined>('setAside'),
    focus,
    reseller: () => deps.directory.reseller(),
    followUps: new FollowUps({
      articles: deps.answers,
      directory: deps.directory,
      customer: createCustomerLookup(customer.identity),
      tickets: deps.tickets,
      ...(deps.health && { health: deps.health.source }),
    }),
    faq: {
      dialogId: FaqDialog.id,
      canAnswer: (question, locale, turn) => deps.answers.best(question, locale, turn) !== null,
      clarify: (question, locale) => clarifyingChoices(question, (limit) => deps.answers.candidates?.(question, locale, limit) ?? []),
      answersDirectly: (question, locale, turn) => answersDirectly(question, locale, () => deps.answers.bestScore(question, locale, turn)),
    },
  });
  return { main, customer };
}
