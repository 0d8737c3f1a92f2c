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

/** DATA_DIR's outbox (service requests, queued notifications); the bot and the console open it the same way. */
export const OUTBOX_DIR = 'outbox';
export const TICKETS_FILE = 'tickets.json';

/**
 * The ticket desk on the files, for the console when no bot is running (the caller holds DATA_DIR's lock).
 * Escalations wait in the outbox and status changes in the notification queue until the bot starts.
 */
export async function openOfflineDesk(dataDir: string, partnerCenterConfigured: boolean): Promise<{ desk: TicketDesk; close(): Promise<void> }> {
  const store = await ShardedFileStore.open(join(dataDir, OUTBOX_DIR));
  const files = await FileTicketStore.open(join(dataDir, TICKETS_FILE));
  const directory = await CustomerDirectory.open(dataDir);
  const outbox = new ServiceRequestOutbox(store);
  const tickets = new NotifyingTicketStore(files, queueStatusChange(new PendingNotifications(store)));
  const escalator = new Escalator({ tickets, outbox, submits: partnerCenterConfigured, directory });
  return { desk: createTicketDesk({ tickets, escalator, outbox }), close: () => store.close() };
}
