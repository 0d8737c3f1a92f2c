import type { ConversationState, TurnContext } from 'botbuilder';
import { messages } from './i18n/messages.js';
import { newReferenceId, type Logger } from './log.js';
import { turnLocale } from './turnLocale.js';
import { isChannelFailure } from './channelFailure.js';
import { ETagConflictError } from './store/errors.js';

/**
 * The adapter's last line: log with a reference id, clear the broken dialog stack (it would fail
 * the same way on the next message), and apologise in the user's language with that id, unless
 * it was the channel that failed: then there is no one to apologise to, and it was not our fault.
 * A state conflict (two instances ran turns of one conversation at once) keeps the saved state.
 */
export function turnErrorHandler(conversationState: ConversationState, logger: Logger) {
  return async (context: TurnContext, error: unknown): Promise<void> => {
    const ref = newReferenceId();
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error(
      error instanceof ETagConflictError ? 'turn_state_conflict' : isChannelFailure(error) ? 'channel_send_failed' : 'turn_error',
      {
        ref,
        conversation: context.activity?.conversation?.id,
        error: err.name,
        detail: err.message,
        stack: err.stack?.split('\n').slice(0, 6).join(' | '),
      },
    );
    try {
      if (error instanceof ETagConflictError) {
        // Another instance saved this conversation first: its state is good, only this turn is lost.
        await context.sendActivity(messages(turnLocale(context)).reliability.sendAgain);
        return;
      }
      await conversationState.delete(context);
      if (isChannelFailure(error)) return;
      await context.sendActivity(messages(turnLocale(context)).errorApology(ref));
    } catch (sendError) {
      logger.error('turn_error_reply_failed', { ref, error: sendError instanceof Error ? sendError.name : 'unknown' });
    }
  };
}
