import { join } from 'node:path';
import type { BotConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { DocumentStore } from '../store/documentStore.js';
import { FileTranscriptStore } from './fileTranscriptStore.js';
import { startRetention, type Purgeable, type TicketRetention } from './retention.js';

export interface PrivacyDeps {
  readonly config: Pick<BotConfig, 'dataDir' | 'transcripts' | 'retentionDays' | 'stateTtlDays'>;
  readonly logger: Logger;
  readonly feedback: Purgeable;
  readonly tickets: TicketRetention;
  readonly desk?: Purgeable;
  /** The bot state namespace, for the expiry of idle conversations. */
  readonly state: DocumentStore;
  readonly now?: () => Date;
}

/**
 * Transcripts only with TRANSCRIPTS=on (redacted, under DATA_DIR/transcripts; the pipeline logs to them),
 * and the retention sweep at start-up and then daily: idle bot state, transcripts, feedback text and
 * closed tickets' personal fields.
 */
export function startPrivacy({ config, logger, feedback, tickets, desk, state, now }: PrivacyDeps): {
  readonly transcripts?: FileTranscriptStore;
  stop(): Promise<void>;
} {
  const transcripts = config.transcripts ? new FileTranscriptStore(join(config.dataDir, 'transcripts'), logger, now) : undefined;
  const retention = startRetention({
    days: config.retentionDays,
    feedback,
    tickets,
    logger,
    state: { store: state, conversationDays: config.stateTtlDays },
    ...(transcripts && { transcripts }),
    ...(desk && { desk }),
    ...(now && { now }),
  });
  return { ...(transcripts && { transcripts }), stop: () => retention.stop() };
}
