import { join } from 'node:path';
import { TranscriptLoggerMiddleware, type BotAdapter, type Middleware, type TurnContext } from 'botbuilder';
import type { BotConfig } from '../config.js';
import type { Logger } from '../log.js';
import { FileTranscriptStore } from './fileTranscriptStore.js';
import { startRetention, type Purgeable, type TicketRetention } from './retention.js';

export interface PrivacyDeps {
  readonly config: Pick<BotConfig, 'dataDir' | 'transcripts' | 'retentionDays'>;
  readonly logger: Logger;
  readonly adapter: BotAdapter;
  readonly feedback: Purgeable;
  readonly tickets: TicketRetention;
  readonly now?: () => Date;
}

/**
 * Transcripts only with TRANSCRIPTS=on (redacted, under DATA_DIR/transcripts), and the retention sweep
 * over transcripts, feedback text and closed tickets at start-up and then daily.
 */
export function startPrivacy({ config, logger, adapter, feedback, tickets, now }: PrivacyDeps): { readonly transcripts?: FileTranscriptStore; stop(): Promise<void> } {
  const transcripts = config.transcripts ? new FileTranscriptStore(join(config.dataDir, 'transcripts'), logger, now) : undefined;
  if (transcripts) adapter.use(withSender(new TranscriptLoggerMiddleware(transcripts)));
  const retention = startRetention({ days: config.retentionDays, feedback, tickets, logger, ...(transcripts && { transcripts }), ...(now && { now }) });
  return { ...(transcripts && { transcripts }), stop: () => retention.stop() };
}

/** The SDK's transcript middleware assumes activity.from; an activity without one is not logged rather than failed. */
function withSender(inner: Middleware): Middleware {
  return { onTurn: (context: TurnContext, next: () => Promise<void>) => (context.activity.from ? inner.onTurn(context, next) : next()) };
}
