import { join } from 'node:path';
import type { BotConfig } from '../config.js';
import { CustomerDirectory } from '../directory/customerDirectory.js';
import { HealthFile } from '../health/healthFile.js';
import type { HealthNotices } from '../health/healthNotices.js';
import { SharedHealthNotices } from '../health/sharedHealthNotices.js';
import { DocumentFeedbackStore } from '../knowledge/documentFeedbackStore.js';
import { FileFeedbackStore, type FeedbackFile } from '../knowledge/fileFeedbackStore.js';
import type { Logger } from '../log.js';
import type { Purgeable, TicketRetention } from '../privacy/retention.js';
import { DocumentTicketStore } from '../tickets/documentTicketStore.js';
import { FileTicketStore } from '../tickets/fileTicketStore.js';
import type { TicketStore } from '../tickets/types.js';
import type { FeedbackSink } from '../../dialogs/faqPorts.js';
import { BlobDocumentStore } from './blobDocumentStore.js';
import { lockDataDir } from './dataDirLock.js';
import { DocumentAdapter } from './documentAdapter.js';
import type { DocumentStore } from './documentStore.js';
import { PrefixedStore } from './prefixedStore.js';
import { ShardedFileStore } from './shardedFileStore.js';

/** Everything the bot keeps, on the backend config.storage names. */
export interface OpenStorage {
  /** Bot state (and any other feature's documents): ShardedFileStore or BlobDocumentStore. */
  readonly store: DocumentStore;
  readonly tickets: TicketStore & TicketRetention;
  readonly directory: CustomerDirectory;
  readonly feedback: FeedbackSink & Purgeable;
  /** The reseller's own incidents (`npm run health`). */
  readonly healthNotices: HealthNotices;
  close(): Promise<void>;
}

/** How often an instance on Blob re-reads the directory, so an import elsewhere reaches every instance. */
const DIRECTORY_REFRESH_MS = 60_000;

/**
 * STORAGE=file: DATA_DIR, locked to this one process. STORAGE=blob: one Azure Blob container shared by
 * every instance behind the load balancer (no DATA_DIR lock: the stores coordinate through eTags).
 */
export async function openStorage(config: BotConfig, logger: Logger): Promise<OpenStorage> {
  if (config.storage === 'blob' && config.blob) {
    const store = await BlobDocumentStore.open(config.blob.connectionString, config.blob.container);
    const directory = await CustomerDirectory.openOn(new DocumentAdapter(store, 'directory'));
    const timer = setInterval(() => {
      directory.refresh().catch((err: unknown) => logger.warn('directory_refresh_failed', { error: err instanceof Error ? err.name : 'unknown' }));
    }, DIRECTORY_REFRESH_MS);
    timer.unref();
    return {
      store,
      directory,
      tickets: new DocumentTicketStore(new PrefixedStore(store, 'tickets/')),
      feedback: new DocumentFeedbackStore(new PrefixedStore(store, 'feedback/')),
      healthNotices: new SharedHealthNotices(store),
      close: async () => clearInterval(timer),
    };
  }
  const unlock = await lockDataDir(config.dataDir);
  let store: ShardedFileStore | undefined;
  try {
    store = await ShardedFileStore.open(join(config.dataDir, 'state'));
    const opened = store;
    return {
      store,
      directory: await CustomerDirectory.open(config.dataDir),
      tickets: await FileTicketStore.open(join(config.dataDir, 'tickets.json')),
      feedback: await FileFeedbackStore.open(join(config.dataDir, 'feedback.json')),
      healthNotices: new HealthFile(config.dataDir),
      close: async () => {
        await opened.close();
        await unlock();
      },
    };
  } catch (err) {
    await store?.close();
    await unlock();
    throw err;
  }
}

async function openBlob(config: BotConfig): Promise<BlobDocumentStore | undefined> {
  return config.storage === 'blob' && config.blob ? BlobDocumentStore.open(config.blob.connectionString, config.blob.container) : undefined;
}

/** The directory alone, for npm run import and seed:demo: DATA_DIR's file, or the blob every instance re-reads. */
export async function openDirectory(config: BotConfig): Promise<CustomerDirectory> {
  const blob = await openBlob(config);
  return blob ? CustomerDirectory.openOn(new DocumentAdapter(blob, 'directory')) : CustomerDirectory.open(config.dataDir);
}

/** The reseller's incidents, for `npm run health` and seed:demo: DATA_DIR's file, or the document every instance reads. */
export async function openHealthNotices(config: BotConfig): Promise<HealthNotices> {
  const blob = await openBlob(config);
  return blob ? new SharedHealthNotices(blob) : new HealthFile(config.dataDir);
}

/** The tickets alone, for the reseller's console. On Blob, changes need no lock: eTags keep them safe beside running bots. */
export async function openTickets(config: BotConfig): Promise<{ tickets: TicketStore; shared: boolean }> {
  const blob = await openBlob(config);
  return blob
    ? { tickets: new DocumentTicketStore(new PrefixedStore(blob, 'tickets/')), shared: true }
    : { tickets: await FileTicketStore.open(join(config.dataDir, 'tickets.json')), shared: false };
}

/** Feedback as `npm run review` reads it, or undefined on files (review reads feedback.json itself). */
export async function readSharedFeedback(config: BotConfig): Promise<FeedbackFile | undefined> {
  const blob = await openBlob(config);
  return blob ? new DocumentFeedbackStore(new PrefixedStore(blob, 'feedback/')).snapshot() : undefined;
}
