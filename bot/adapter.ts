import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotConfig } from './config.js';
import type { Logger } from './log.js';
import { SerialTurns } from './serialTurns.js';
import { turnErrorHandler } from './turnErrorHandler.js';

/** CloudAdapter with its turn entry point public, so the server owns the HTTP response. */
export class SupportAdapter extends CloudAdapter {
  handleActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export interface BotAdapter {
  readonly adapter: SupportAdapter;
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
  const adapter = new SupportAdapter(bfAuth);
  const turns = new SerialTurns(logger, config.turnTimeoutMs);
  adapter.use(turns);

  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return { adapter, turns };
}
