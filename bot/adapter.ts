import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import type { BotConfig } from './config.js';
import type { Logger } from './log.js';
import { MessageBound } from './messageBound.js';
import { MessageSizeLimit } from './outbound/messageSizeLimit.js';
import { OutboundPacer } from './outbound/outboundPacer.js';
import { adjustConnectorClient } from './outbound/connectorPipeline.js';
import { SerialTurns } from './serialTurns.js';
import { TeamsMentions } from './teams/teamsMentions.js';
import { TenantGate } from './teams/tenantGate.js';
import { turnErrorHandler } from './turnErrorHandler.js';

/** Activities that never reach the connector: CloudAdapter handles them locally. */
function staysLocal(activity: Partial<Activity>): boolean {
  return activity.type === 'delay' || activity.type === 'invokeResponse' || (activity.type === 'trace' && activity.channelId !== 'emulator');
}

/** Rate limits apply per chat or channel: the replies in all threads of a channel share one. */
function threadKey(activity: Partial<Activity>): string {
  return `${activity.channelId ?? ''}|${(activity.conversation?.id ?? '').split(';')[0]}`;
}

/**
 * CloudAdapter with its turn entry point public, so the server owns the HTTP response, and with every
 * send to the channel going through the pacer: one activity at a time, spaced and retried there.
 */
export class SupportAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    private readonly pacer = new OutboundPacer(),
  ) {
    super(auth);
  }

  handleActivity(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    adjustConnectorClient(context.turnState.get(this.ConnectorClientKey));
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const send = () => super.sendActivities(context, [activity]);
      responses.push(...(staysLocal(activity) ? await send() : await this.pacer.send(threadKey(activity), send)));
    }
    return responses;
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
  const pacer = new OutboundPacer({ onRetry: (e) => logger.warn('send_retry', { conversation: e.key, attempt: e.attempt, status: e.status, delayMs: e.delayMs }) });
  const adapter = new SupportAdapter(bfAuth, pacer);
  const turns = new SerialTurns(logger, config.turnTimeoutMs);
  // Order matters: the size limit wraps every send (the refusal too); incoming text is bounded before
  // anything reads it; the tenant gate ends a turn
  // before any state is read; mentions are gone before the bot reads the text.
  adapter.use(new MessageSizeLimit());
  adapter.use(new MessageBound());
  adapter.use(new TenantGate(config.allowedTenants, logger));
  adapter.use(turns);
  adapter.use(new TeamsMentions());

  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return { adapter, turns };
}
