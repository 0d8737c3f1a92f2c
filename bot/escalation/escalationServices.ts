import { join } from 'node:path';
import type { ConversationState, Middleware, StatePropertyAccessor } from 'botbuilder';
import type { BotConfig } from '../config.js';
import type { CustomerDirectory } from '../directory/customerDirectory.js';
import { ConversationLog } from '../handoff/conversationLog.js';
import { HandoffRelay } from '../handoff/handoffRelay.js';
import type { HandoffState } from '../handoff/handoffState.js';
import { publishAdminEndpoint } from '../http/adminEndpoint.js';
import type { TranscriptLine } from '../i18n/escalationMessages.js';
import type { Logger } from '../log.js';
import { PartnerCenterClient } from '../partnerCenter/partnerCenterClient.js';
import type { Notifier } from '../proactive/notifier.js';
import type { DocumentStore } from '../storage/documentStore.js';
import { ShardedFileStore } from '../storage/shardedFileStore.js';
import { NotifyingTicketStore } from '../tickets/notifyingTicketStore.js';
import { OUTBOX_DIR } from '../tickets/offlineDesk.js';
import { PendingNotifications } from '../tickets/pendingNotifications.js';
import { notifyStatusChange, sendQueuedStatusChanges } from '../tickets/statusNotifications.js';
import { createTicketDesk, type TicketDesk } from '../tickets/ticketDesk.js';
import type { TicketStore } from '../tickets/types.js';
import { Escalator } from './escalator.js';
import type { HealthSummary } from './healthSummary.js';
import { ServiceRequestOutbox } from './serviceRequestOutbox.js';
import { ServiceRequestSubmitter } from './serviceRequestSubmitter.js';

/** How often an instance on shared (Blob) storage sends status notices the console queued. */
const QUEUE_POLL_MS = 60_000;

export interface EscalationServices {
  /** Tickets whose status changes reach the customer; dialogs, the relay and the admin desk use these. */
  readonly tickets: TicketStore;
  readonly escalator: Escalator;
  readonly submitter?: ServiceRequestSubmitter;
  readonly recent: StatePropertyAccessor<TranscriptLine[]>;
  readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
  readonly health?: HealthSummary;
  /** For the adapter, in this order: the conversation log, then the handoff relay. */
  readonly middleware: readonly Middleware[];
  readonly desk: TicketDesk;
  /** After the server listens: the admin endpoint record, queued notifications, the outbox drain. */
  start(port: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The two-tier escalation wiring for app.ts: the outbox (DATA_DIR/outbox, a DocumentStore), Partner
 * Center when configured, status-change notifications, the conversation log and the handoff relay.
 */
export async function createEscalationServices(deps: {
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly conversationState: ConversationState;
  readonly directory: CustomerDirectory;
  /** The plain ticket store (the submitter writes through it without notifying). */
  readonly tickets: TicketStore;
  readonly notifier: Notifier;
  readonly health?: HealthSummary;
  /** Another DocumentStore for the outbox (e.g. Blob storage); DATA_DIR/outbox by default. */
  readonly outboxStore?: DocumentStore & { close?(): Promise<void> };
}): Promise<EscalationServices> {
  const { config, logger } = deps;
  const store: DocumentStore & { close?(): Promise<void> } = deps.outboxStore ?? (await ShardedFileStore.open(join(config.dataDir, OUTBOX_DIR)));
  const outbox = new ServiceRequestOutbox(store);
  const tickets = new NotifyingTicketStore(deps.tickets, notifyStatusChange(deps.notifier), (err, t) =>
    logger.warn('notify_failed', { ticket: t.id, error: err instanceof Error ? err.name : 'unknown' }),
  );
  const submitter = config.partnerCenter
    ? new ServiceRequestSubmitter({ outbox, tickets: deps.tickets, api: new PartnerCenterClient(config.partnerCenter), logger, notifier: deps.notifier, directory: deps.directory })
    : undefined;
  const escalator = new Escalator({ tickets, outbox, submits: submitter !== undefined, directory: deps.directory });
  const recent = deps.conversationState.createProperty<TranscriptLine[]>('recentMessages');
  const handoff = deps.conversationState.createProperty<HandoffState | undefined>('handoff');
  const relay = new HandoffRelay({ conversationState: deps.conversationState, handoff, tickets, reseller: () => deps.directory.reseller(), logger });
  const desk = createTicketDesk({ tickets, escalator, outbox, afterEscalate: () => void submitter?.drain() });
  let unpublish: (() => Promise<void>) | undefined;
  let queueTimer: NodeJS.Timeout | undefined;
  const sendQueued = () =>
    sendQueuedStatusChanges(new PendingNotifications(store), deps.tickets, deps.notifier, logger).catch((err: unknown) =>
      logger.warn('queued_notifications_failed', { error: err instanceof Error ? err.name : 'unknown' }),
    );
  return {
    tickets, escalator, recent, handoff, desk,
    ...(submitter && { submitter }),
    ...(deps.health && { health: deps.health }),
    middleware: [new ConversationLog(recent), relay],
    async start(port) {
      unpublish = await publishAdminEndpoint(config.dataDir, port);
      await sendQueued();
      // On Blob the console changes tickets beside running instances, so its queued notices are picked up here.
      if (config.storage === 'blob') (queueTimer = setInterval(() => void sendQueued(), QUEUE_POLL_MS)).unref();
      submitter?.start();
    },
    async stop() {
      clearInterval(queueTimer);
      await submitter?.stop();
      await unpublish?.();
      await (store.close ? store.close() : store.flush());
    },
  };
}
