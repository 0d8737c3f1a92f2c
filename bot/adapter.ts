import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationState,
  type TurnContext,
} from 'botbuilder';
import type { BotConfig } from './config.js';
import { messages } from './i18n/messages.js';
import { newReferenceId, type Logger } from './log.js';
import { SerialTurns } from './serialTurns.js';
import { turnLocale } from './turnLocale.js';

export interface BotAdapter {
  readonly adapter: CloudAdapter;
  readonly turns: SerialTurns;
}

/** CloudAdapter for the configured cloud, with turn serialisation and a user-safe error handler. */
export function createAdapter(config: BotConfig, conversationState: ConversationState, logger: Logger): BotAdapter {
  const auth = config.auth;
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: auth?.appId ?? '',
    MicrosoftAppPassword: auth?.password ?? '',
    MicrosoftAppType: auth?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: auth?.tenantId ?? '',
  });
  const bfAuth = new ConfigurationBotFrameworkAuthentication(
    { MicrosoftAppId: auth?.appId ?? '', MicrosoftAppTenantId: auth?.tenantId ?? '', ...config.botFramework },
    credentials,
  );
  const adapter = new CloudAdapter(bfAuth);
  const turns = new SerialTurns();
  adapter.use(turns);

  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const ref = newReferenceId();
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error('turn_error', {
      ref,
      conversation: context.activity?.conversation?.id,
      error: err.name,
      detail: err.message,
      stack: err.stack?.split('\n').slice(0, 6).join(' | '),
    });
    try {
      // A broken dialog stack would fail the same way on the next message; clear it.
      await conversationState.delete(context);
      await context.sendActivity(messages(turnLocale(context)).errorApology(ref));
    } catch (sendError) {
      logger.error('turn_error_reply_failed', { ref, error: sendError instanceof Error ? sendError.name : 'unknown' });
    }
  };
  return { adapter, turns };
}
