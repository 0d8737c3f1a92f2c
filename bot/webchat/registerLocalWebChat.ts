import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { Logger } from '../log.js';
import { registerConnectorRoutes } from './connectorRoutes.js';
import { DEFAULT_LIMITS, DirectLineConversations, type DirectLineLimits } from './directLineConversations.js';
import { registerDirectLineRoutes } from './directLineRoutes.js';
import { runLocalTurn } from './localTurn.js';
import { registerWebChatPage } from './webChatPage.js';

export interface LocalWebChatDeps {
  readonly adapter: CloudAdapter;
  /** The bot's app id, when it has one (LOCAL_WEBCHAT=on); local turns need no channel token either way. */
  readonly appId?: string;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  readonly limits?: DirectLineLimits;
}

/** GET /, the Direct Line subset and the connector routes its replies come back through. */
export function registerLocalWebChat(server: Server, deps: LocalWebChatDeps): DirectLineConversations {
  const conversations = new DirectLineConversations(deps.limits ?? DEFAULT_LIMITS);
  const { adapter, appId, logic, logger } = deps;
  registerWebChatPage(server, { logger });
  registerDirectLineRoutes(server, {
    conversations,
    bot: { id: appId ?? 'csp-support-bot', name: 'CSP support bot' },
    logger,
    runTurn: (activity) => runLocalTurn(adapter, appId, activity, logic),
  });
  registerConnectorRoutes(server, { conversations, logger });
  return conversations;
}
