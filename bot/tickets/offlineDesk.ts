import { join } from 'node:path';
import { CustomerDirectory } from '../directory/customerDirectory.js';
import { Escalator } from '../escalation/escalator.js';
import { ServiceRequestOutbox } from '../escalation/serviceRequestOutbox.js';
import { ShardedFileStore } from '../storage/shardedFileStore.js';
import { FileTicketStore } from './fileTicketStore.js';
import { NotifyingTicketStore } from './notifyingTicketStore.js';
import { PendingNotifications } from './pendingNotifications.js';
import { queueStatusChange } from './statusNotifications.js';
import { createTicketDesk, type TicketDesk } from './ticketDesk.js';
import type { TicketStore } from './types.js';
import type { DocumentStore } from '../storage/documentStore.js';

/** DATA_DIR's outbox (service requests, queued notifications); the bot and the console open it the same way. */
export const OUTBOX_DIR = 'outbox';
export const TICKETS_FILE = 'tickets.json';

/** The desk over given stores: status changes are queued for the bot to send, escalations wait in the outbox. */
export function deskOn(parts: { readonly outboxStore: DocumentStore; readonly tickets: TicketStore; readonly directory: CustomerDirectory; readonly partnerCenterConfigured: boolean }): TicketDesk {
  const outbox = new ServiceRequestOutbox(parts.outboxStore);
  const tickets = new NotifyingTicketStore(parts.tickets, queueStatusChange(new PendingNotifications(parts.outboxStore)));
  const escalator = new Escalator({ tickets, outbox, submits: parts.partnerCenterConfigured, directory: parts.directory });
  return createTicketDesk({ tickets, escalator, outbox });
}

/**
 * The ticket desk on the files, for the console when no bot is running (the caller holds DATA_DIR's lock).
 * Escalations wait in the outbox and status changes in the notification queue until the bot starts.
 */
export async function openOfflineDesk(dataDir: string, partnerCenterConfigured: boolean): Promise<{ desk: TicketDesk; close(): Promise<void> }> {
  const outboxStore = await ShardedFileStore.open(join(dataDir, OUTBOX_DIR));
  const tickets = await FileTicketStore.open(join(dataDir, TICKETS_FILE));
  const directory = await CustomerDirectory.open(dataDir);
  return { desk: deskOn({ outboxStore, tickets, directory, partnerCenterConfigured }), close: () => outboxStore.close() };
}
