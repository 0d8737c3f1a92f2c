import type { ConversationState, Middleware, StatePropertyAccessor } from 'botbuilder';
import type { BotConfig } from './config.js';
import type { CustomerDirectory } from './directory/customerDirectory.js';
import { ConversationLog } from './handoff/conversationLog.js';
import { HandoffRelay } from './handoff/handoffRelay.js';
import type { HandoffState } from './handoff/handoffState.js';
import type { TranscriptLine } from './handoff/transcript.js';
import { errorFields, type Logger } from './log.js';
import { PartnerCenterClient } from './partnerCenter/partnerCenterClient.js';
import type { Notifier } from './proactive/notifier.js';
import type { DocumentStore } from './store/documentStore.js';
import { NotifyingTicketStore } from './tickets/notifyingTicketStore.js';
import { PendingNotifications } from './tickets/pendingNotifications.js';
import { notifyStatusChange, sendQueuedStatusChanges } from './tickets/statusNotifications.js';
import type { TicketStore } from './tickets/types.js';
import { Escalator } from './escalation/escalator.js';
import type { HealthSummary } from './escalation/healthSummary.js';
import { ServiceRequestOutbox } from './escalation/serviceRequestOutbox.js';
import { ServiceRequestSubmitter } from './escalation/serviceRequestSubmitter.js';

/** How often the bot sends the status notices `npm run tickets` queued (it writes the store directly). */
const QUEUE_POLL_MS = 15_000;

export interface EscalationServices {
  /** Tickets whose status changes reach the customer; dialogs, the relay and the admin desk use these. */
  readonly tickets: TicketStore;
  readonly escalator: Escalator;
  readonly submitter?: ServiceRequestSubmitter;
  readonly recent: StatePropertyAccessor<TranscriptLine[]>;
  readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
  readonly health?: HealthSummary;
  /** For the pipeline, in this order: the conversation log, then the handoff relay. */
  readonly middleware: readonly [conversationLog: Middleware, handoffRelay: Middleware];
  /** After the server listens: queued notifications, then the outbox drain. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The two-tier escalation wiring for app.ts: the outbox, Partner Center when configured, status-change
 * notifications (and those the console queued), the conversation log and the handoff relay.
 */
export function createEscalationServices(deps: {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly conversationState: ConversationState;
  readonly directory: CustomerDirectory;
  /** The plain ticket store (the submitter writes through it without notifying). */
  readonly tickets: TicketStore;
  readonly notifier: Notifier;
  readonly health?: HealthSummary;
  /** Service requests and queued notices (the store's `outbox/` namespace). */
  readonly outboxStore: DocumentStore;
  /** How often queued notices and the outbox are looked at (tests shorten them). */
  readonly pollMs?: { readonly queuedNotices?: number; readonly outbox?: number };
}): EscalationServices {
  const { config, logger } = deps;
  const store = deps.outboxStore;
  const outbox = new ServiceRequestOutbox(store);
  const tickets = new NotifyingTicketStore(deps.tickets, notifyStatusChange(deps.notifier), (err, t) =>
    logger.warn('notify_failed', { ticket: t.id, ...errorFields(err) }),
  );
  const submitter = config.partnerCenter
    ? new ServiceRequestSubmitter({
        outbox,
        tickets: deps.tickets,
        api: new PartnerCenterClient(config.partnerCenter),
        logger,
        notifier: deps.notifier,
        directory: deps.directory,
        ...(deps.pollMs?.outbox && { intervalMs: deps.pollMs.outbox }),
      })
    : undefined;
  const escalator = new Escalator({ tickets, outbox, submits: submitter !== undefined, directory: deps.directory });
  const recent = deps.conversationState.createProperty<TranscriptLine[]>('recentMessages');
  const handoff = deps.conversationState.createProperty<HandoffState | undefined>('handoff');
  const relay = new HandoffRelay({
    conversationState: deps.conversationState,
    handoff,
    tickets,
    reseller: () => deps.directory.reseller(),
    logger,
  });
  let queueTimer: NodeJS.Timeout | undefined;
  const sendQueued = () =>
    sendQueuedStatusChanges(new PendingNotifications(store), deps.tickets, deps.notifier, logger).catch((err: unknown) =>
      logger.warn('queued_notifications_failed', errorFields(err)),
    );
  return {
    tickets,
    escalator,
    recent,
    handoff,
    ...(submitter && { submitter }),
    ...(deps.health && { health: deps.health }),
    middleware: [new ConversationLog(recent), relay],
    async start() {
      await sendQueued();
      (queueTimer = setInterval(() => void sendQueued(), deps.pollMs?.queuedNotices ?? QUEUE_POLL_MS)).unref();
      submitter?.start();
    },
    async stop() {
      clearInterval(queueTimer);
      await submitter?.stop();
    },
  };
}
