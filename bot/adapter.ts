import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type ConversationState,
} from 'botbuilder';
import type { BotConfig } from './config.js';
import type { Logger } from './log.js';
import { SerialTurns } from './serialTurns.js';
import { turnErrorHandler } from './turnErrorHandler.js';

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

  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return { adapter, turns };
}
