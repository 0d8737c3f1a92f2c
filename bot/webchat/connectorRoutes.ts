import type { Request, Response, Server } from 'restify';
import { HttpError } from '../http/httpError.js';
import { readJsonBody } from '../http/readJsonBody.js';
import type { Logger } from '../log.js';
import { callsItself, channelRoute, isObject, sendJson } from './channelHttp.js';
import type { DirectLineConversations } from './directLineConversations.js';
import { LOCAL_CHANNEL_ID } from './directLineRoutes.js';

/**
 * The bot-to-channel side of the local Direct Line: the Bot Connector routes CloudAdapter posts
 * replies and proactive messages to. Each lands in its conversation's activity list.
 */
export function registerConnectorRoutes(
  server: Server,
  deps: { conversations: DirectLineConversations; logger: Logger; now?: () => Date },
): void {
  const { conversations, logger } = deps;
  const now = deps.now ?? (() => new Date());

  const post = channelRoute(logger, async (req: Request, res: Response) => {
    // No token here (the bot has none for itself), so only the bot's own process may call.
    if (!callsItself(req)) throw new HttpError(401, 'unauthorized');
    const id = String(req.params.conversationId);
    const c = conversations.get(id);
    // A 404 tells a proactive sender that the conversation is gone for good.
    if (!c) throw new HttpError(404, 'conversation_not_found');
    const body = await readJsonBody(req);
    if (!isObject(body) || typeof body.type !== 'string' || body.type === '' || body.type.length > 64)
      throw new HttpError(400, 'invalid_activity:type');
    // Direct Line delivers typing only over WebSocket, which this subset does not have.
    if (body.type === 'typing') {
      sendJson(res, 200, { id: '' });
      return;
    }
    const { serviceUrl: _omitted, ...rest } = body;
    const replyTo = req.params.activityId === undefined ? undefined : String(req.params.activityId);
    const stored = c.append(
      {
        ...rest,
        channelId: LOCAL_CHANNEL_ID,
        conversation: { id },
        from: { ...(isObject(body.from) ? body.from : {}), role: 'bot' },
        timestamp: now().toISOString(),
        ...(replyTo !== undefined && body.replyToId === undefined && { replyToId: replyTo }),
      },
      conversations.limits,
    );
    sendJson(res, 200, { id: stored.id });
  });

  server.post('/v3/conversations/:conversationId/activities', post);
  server.post('/v3/conversations/:conversationId/activities/:activityId', post);
}
