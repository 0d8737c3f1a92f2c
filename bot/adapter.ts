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
import { OutboundPacer } from './outbound/outboundPacer.js';
import { adjustConnectorClient } from './outbound/connectorPipeline.js';
import { turnErrorHandler } from './turnErrorHandler.js';

/** Activities that never reach the connector: CloudAdapter handles them locally. */
function staysLocal(activity: Partial<Activity>): boolean {
  return (
    activity.type === 'delay' || activity.type === 'invokeResponse' || (activity.type === 'trace' && activity.channelId !== 'emulator')
  );
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

  handleActivity(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
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

  /** A card updated in place (the desk's Take) is an outgoing message too: the same queue, spacing and retries. */
  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    adjustConnectorClient(context.turnState.get(this.ConnectorClientKey));
    return this.pacer.send(threadKey(activity), () => super.updateActivity(context, activity));
  }
}

/** CloudAdapter for the configured cloud, with a user-safe error handler; the pipeline (pipeline.ts) is added by app.ts. */
export function createAdapter(config: BotConfig, conversationState: ConversationState, logger: Logger): SupportAdapter {
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
  const pacer = new OutboundPacer({
    onRetry: (e) => logger.warn('send_retry', { conversation: e.key, attempt: e.attempt, status: e.status, delayMs: e.delayMs }),
  });
  const adapter = new SupportAdapter(bfAuth, pacer);
  adapter.onTurnError = turnErrorHandler(conversationState, logger);
  return adapter;
}
