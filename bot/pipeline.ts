import {
  TranscriptLoggerMiddleware,
  type BotState,
  type Middleware,
  type TranscriptStore,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { BotConfig } from './config.js';
import { EmulatorStateTrace } from './emulatorStateTrace.js';
import type { Logger } from './log.js';
import { MessageBound } from './messageBound.js';
import { MessageSizeLimit } from './outbound/messageSizeLimit.js';
import { ConversationRecorder } from './proactive/conversationRecorder.js';
import { SerialTurns } from './serialTurns.js';
import { TeamsMentions } from './teams/teamsMentions.js';
import { TenantGate } from './teams/tenantGate.js';

export interface PipelineParts {
  readonly config: Pick<BotConfig, 'allowedTenants' | 'turnTimeoutMs'>;
  readonly logger: Logger;
  readonly conversationState: BotState;
  readonly userState: UserState;
  /** The escalation services' conversation log and handoff relay. */
  readonly conversationLog: Middleware;
  readonly handoffRelay: Middleware;
  /** The agent desk's two middleware (bot/desk/createDesk.ts). */
  readonly desk: { readonly commands: Middleware; readonly relay: Middleware };
  /** Each customer conversation's outcome (bot/outcomes/outcomeRecorder.ts). */
  readonly outcomes: Middleware;
  /** Redacted transcripts, when TRANSCRIPTS=on. */
  readonly transcripts?: TranscriptStore;
}

/**
 * Every middleware of a turn, in the order it runs; the order matters. From the HTTP request a turn goes:
 * server.ts → CloudAdapter (auth) → these → SupportBot.run → runDialog(MainDialog).
 */
export function buildPipeline(parts: PipelineParts): { middleware: Middleware[]; turns: SerialTurns } {
  const turns = new SerialTurns(parts.logger, parts.config.turnTimeoutMs);
  const middleware: Middleware[] = [
    // Wraps every send, the refusals below included: long replies are split to what the channel takes.
    new MessageSizeLimit(),
    // Before anything reads the text: no later step can spend time in proportion to a huge message.
    new MessageBound(),
    // A Teams tenant not allowed ends the turn before any state is read.
    new TenantGate(parts.config.allowedTenants, parts.logger),
    // One turn per conversation at a time (no two turns read the same state), with a time budget.
    turns,
    // The bot's @mention out of the text, so recognition and language detection see the words only.
    new TeamsMentions(),
    // After the turn, the saved state as a trace for the Bot Framework Emulator's inspector.
    new EmulatorStateTrace(parts.conversationState, parts.userState),
    // Where each user can be reached later (ticket updates, incident notices).
    new ConversationRecorder(parts.userState),
    // The desk's chat and desk commands, before anything reads state for a customer: desk turns never reach a dialog.
    parts.desk.commands,
    // After the rest of the turn, the conversation's outcome of the day for the report (written only when it changed).
    parts.outcomes,
    // The last messages, for the transcript a person gets at a handoff.
    parts.conversationLog,
    // A desk handoff: the customer's messages go to the desk while a person has (or is about to take) the chat.
    parts.desk.relay,
    // While an agent hub has the conversation, messages go to the ticket and the bot stays quiet.
    parts.handoffRelay,
    // Redacted transcripts, last, so they hold what the bot actually sent.
    ...(parts.transcripts ? [withSender(new TranscriptLoggerMiddleware(parts.transcripts))] : []),
  ];
  return { middleware, turns };
}

/** The SDK's transcript middleware assumes activity.from; an activity without one is not logged rather than failed. */
function withSender(inner: Middleware): Middleware {
  return { onTurn: (context: TurnContext, next: () => Promise<void>) => (context.activity.from ? inner.onTurn(context, next) : next()) };
}
