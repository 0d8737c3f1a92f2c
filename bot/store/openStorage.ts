import { join } from 'node:path';
import type { BotConfig } from '../config.js';
import { CustomerDirectory } from '../directory/customerDirectory.js';
import { HealthNoticeStore } from '../health/healthNoticeStore.js';
import { HealthWatchStore } from '../health/healthWatchStore.js';
import { DocumentFeedbackStore } from '../knowledge/documentFeedbackStore.js';
import { errorFields, type Logger } from '../log.js';
import { DocumentTicketStore } from '../tickets/documentTicketStore.js';
import { blobCredential } from './blobCredential.js';
import { BlobStore } from './blobStore.js';
import type { DocumentStore } from './documentStore.js';
import { FileStore } from './fileStore.js';
import { importLegacyFiles } from './legacyFiles.js';
import { PrefixedStore } from './prefixedStore.js';

/** Everything the bot and the CLIs keep, each over its own namespace of one store. */
export interface OpenStorage {
  /** Bot state lives under `state/`; the stores below under their own namespaces. */
  readonly store: DocumentStore;
  readonly tickets: DocumentTicketStore;
  readonly directory: CustomerDirectory;
  readonly feedback: DocumentFeedbackStore;
  /** The reseller's own incidents (`npm run health`). */
  readonly healthNotices: HealthNoticeStore;
  readonly watches: HealthWatchStore;
  /** Service requests for Partner Center and status notices queued by the console. */
  readonly outbox: DocumentStore;
  close(): Promise<void>;
}

/** How often a running bot re-reads the directory, so `npm run import` (here or on another instance) reaches it. */
const DIRECTORY_REFRESH_MS = 30_000;

/** The backend config.storage names: DATA_DIR/store as files, or one Azure Blob container. */
export async function openBackend(config: Pick<BotConfig, 'storage' | 'blob' | 'dataDir'>): Promise<DocumentStore> {
  if (config.storage === 'blob' && config.blob) {
    const { blob } = config;
    const account =
      'connectionString' in blob ? blob.connectionString : { url: blob.accountUrl, credential: await blobCredential(blob.identity) };
    return BlobStore.open(account, blob.container);
  }
  // Conversation and user state is rewritten every turn and worth no device sync; everything else is a record.
  const store = new FileStore(join(config.dataDir, 'store'), (key) => !key.startsWith('state/'));
  await importLegacyFiles(config.dataDir, store);
  return store;
}

/**
 * Opens every store. The bot passes a logger to keep the directory fresh while it runs; the CLIs open the
 * same stores directly, beside a running bot or not: they coordinate through eTags and per-key locks.
 */
export async function openStorage(config: Pick<BotConfig, 'storage' | 'blob' | 'dataDir'>, logger?: Logger): Promise<OpenStorage> {
  const store = await openBackend(config);
  const directory = await CustomerDirectory.open(store);
  const timer = logger
    ? setInterval(
        () => directory.refresh().catch((err: unknown) => logger.warn('directory_refresh_failed', errorFields(err))),
        DIRECTORY_REFRESH_MS,
      )
    : undefined;
  timer?.unref();
  return {
    store,
    directory,
    tickets: new DocumentTicketStore(new PrefixedStore(store, 'tickets/')),
    feedback: new DocumentFeedbackStore(new PrefixedStore(store, 'feedback/')),
    healthNotices: new HealthNoticeStore(store),
    watches: new HealthWatchStore(store),
    outbox: new PrefixedStore(store, 'outbox/'),
    close: async () => clearInterval(timer),
  };
}
