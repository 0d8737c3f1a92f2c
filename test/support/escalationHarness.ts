import { TestAdapter, type Activity } from 'botbuilder';
import type { SetAsideTask } from '../../bot/conversation/task.js';
import { CustomerDirectory } from '../../bot/directory/customerDirectory.js';
import type { CustomerRef } from '../../bot/directory/types.js';
import { Escalator } from '../../bot/escalation/escalator.js';
import type { HealthSummary } from '../../bot/escalation/healthSummary.js';
import { ServiceRequestOutbox } from '../../bot/escalation/serviceRequestOutbox.js';
import { ServiceRequestSubmitter } from '../../bot/escalation/serviceRequestSubmitter.js';
import { ConversationLog } from '../../bot/handoff/conversationLog.js';
import { HandoffRelay } from '../../bot/handoff/handoffRelay.js';
import type { HandoffState } from '../../bot/handoff/handoffState.js';
import type { TranscriptLine } from '../../bot/handoff/transcript.js';
import type { PartnerCenterConfig } from '../../bot/integrationConfig.js';
import { createLogger } from '../../bot/log.js';
import { extractEntities } from '../../bot/nlu/entities.js';
import type { Recognizer, RecognizerResult } from '../../bot/nlu/types.js';
import { PartnerCenterClient } from '../../bot/partnerCenter/partnerCenterClient.js';
import { PrefixedStore } from '../../bot/store/prefixedStore.js';
import { SupportBot } from '../../bot/supportBot.js';
import { DocumentTicketStore } from '../../bot/tickets/documentTicketStore.js';
import { NotifyingTicketStore } from '../../bot/tickets/notifyingTicketStore.js';
import { notifyStatusChange } from '../../bot/tickets/statusNotifications.js';
import { turnErrorHandler } from '../../bot/turnErrorHandler.js';
import type { EscalationDeps } from '../../dialogs/escalationDeps.js';
import { FaqDialog } from '../../dialogs/faqDialog.js';
import { HandoffDialog } from '../../dialogs/handoffDialog.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { ReportProblemDialog } from '../../dialogs/reportProblemDialog.js';
import { TicketStatusDialog } from '../../dialogs/ticketStatusDialog.js';
import { FakeAnswers, MemoryFeedback } from './fakeAnswers.js';
import { FakeNotifier } from './fakeNotifier.js';
import { FakeRecognizer, type FakeRule } from './fakeRecognizer.js';
import { demoDataDir } from './demoDataDir.js';

export const ESCALATION_RULES: readonly FakeRule[] = [
  [/talk to (?:a )?(?:person|human|someone)|speak to|complain|投诉|找客服|人工客服/i, 'escalate_human'],
  [/report (?:a |this )?problem|open a (?:support )?ticket|21vianet|报告问题|报障|世纪互联/i, 'report_problem'],
  [/status|my tickets|my requests|工单|进度/i, 'ticket_status'],
  [/mail|邮件|邮箱|outlook|exchange|teams/i, 'howto_faq'],
];

class EntityRecognizer implements Recognizer {
  constructor(private readonly inner: Recognizer) {}
  async recognize(text: string): Promise<RecognizerResult> {
    return { ...(await this.inner.recognize(text)), entities: extractEntities(text) };
  }
}

/** A Teams user of a demo customer: the tenant and object id identify them without questions. */
export const teams = (tenantId: string, aadObjectId: string, name = 'Teams User') => ({
  channelId: 'msteams',
  channelData: { tenant: { id: tenantId } },
  from: { id: `29:${aadObjectId}`, name, aadObjectId },
});

export interface EscalationHarness {
  readonly dataDir: string;
  readonly adapter: TestAdapter;
  /** Status changes through this one notify (the reseller's console and admin route use it). */
  readonly tickets: NotifyingTicketStore;
  readonly files: DocumentTicketStore;
  readonly outbox: ServiceRequestOutbox;
  readonly notifier: FakeNotifier;
  readonly directory: CustomerDirectory;
  readonly logLines: string[];
  readonly clock: { now: Date };
  readonly submitter?: ServiceRequestSubmitter;
  say(text: string, extra?: Partial<Activity>): Promise<Partial<Activity>[]>;
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
  remove(): Promise<void>;
}

/**
 * SupportBot + MainDialog with the handoff, report-a-problem and ticket status dialogs, the conversation
 * log and handoff relay middleware, file-backed state, tickets and outbox in a temp DATA_DIR seeded with
 * the demo directory, a fake Notifier and an injected clock.
 */
export async function escalationHarness(
  options: { now?: string; partnerCenter?: PartnerCenterConfig; health?: HealthSummary; faq?: boolean } = {},
): Promise<EscalationHarness> {
  const { temp, directory, store, conversationState, userState } = await demoDataDir('escalation-');
  const clock = { now: new Date(options.now ?? '2026-11-23T03:00:00Z') }; // Monday 11:00 China time
  const outboxStore = new PrefixedStore(store, 'outbox/');
  const files = new DocumentTicketStore(new PrefixedStore(store, 'tickets/'), () => clock.now);
  const notifier = new FakeNotifier();
  const tickets = new NotifyingTicketStore(files, notifyStatusChange(notifier));
  const outbox = new ServiceRequestOutbox(outboxStore);
  const logLines: string[] = [];
  const logger = createLogger('info', (line) => logLines.push(line));
  const submitter = options.partnerCenter
    ? new ServiceRequestSubmitter({
        outbox,
        tickets: files,
        api: new PartnerCenterClient(options.partnerCenter),
        logger,
        notifier,
        directory,
        retry: { sleep: async () => {}, random: () => 0 },
      })
    : undefined;
  const recent = conversationState.createProperty<TranscriptLine[]>('recentMessages');
  const handoff = conversationState.createProperty<HandoffState | undefined>('handoff');
  const recognizer = new EntityRecognizer(new FakeRecognizer(ESCALATION_RULES));
  const deps: EscalationDeps = {
    identity: { directory, customerRef: conversationState.createProperty<CustomerRef | undefined>('customerRef') },
    tickets,
    recognizer,
    recent,
    handoff,
    escalator: new Escalator({ tickets, outbox, submits: submitter !== undefined, directory, now: () => clock.now }),
    ...(submitter && { submitter }),
    ...(options.health && { health: options.health }),
    now: () => clock.now,
  };
  const dialog = new MainDialog(recognizer, {
    children: {
      escalate_human: new HandoffDialog(deps),
      report_problem: new ReportProblemDialog(deps),
      ticket_status: new TicketStatusDialog(deps),
      ...(options.faq && { howto_faq: new FaqDialog(new FakeAnswers(), new MemoryFeedback(), () => clock.now) }),
    },
    lowConfidenceStreak: conversationState.createProperty<number>('lowConfidenceStreak'),
    // As in bot/dialogTree.ts: a side question sets the task aside to be resumed.
    setAside: conversationState.createProperty<SetAsideTask | undefined>('setAside'),
    now: () => clock.now,
  });
  const bot = new SupportBot(conversationState, userState, dialog, logger);
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.use(new ConversationLog(recent, () => clock.now));
  adapter.use(
    new HandoffRelay({ conversationState, handoff, tickets, reseller: () => directory.reseller(), logger, now: () => clock.now }),
  );
  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  const send = async (activity: Partial<Activity>) => {
    adapter.activeQueue.splice(0);
    await adapter.receiveActivity(activity);
    return adapter.activeQueue.splice(0);
  };
  return {
    dataDir: temp.path,
    adapter,
    tickets,
    files,
    outbox,
    notifier,
    directory,
    logLines,
    clock,
    ...(submitter && { submitter }),
    say: (text, extra = {}) => send({ type: 'message', text, ...extra }),
    send,
    async remove() {
      await submitter?.stop();
      await temp.remove();
    },
  };
}

export const texts = (replies: Partial<Activity>[]) => replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
export const joinedTexts = (replies: Partial<Activity>[]) => texts(replies).join('\n');
