import type { Activity } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { HttpError } from '../http/httpError.js';
import { readJsonBody } from '../http/readJsonBody.js';
import { validateActivity } from '../http/validateActivity.js';
import { errorFields, type Logger } from '../log.js';
import { bearerToken, channelRoute, isObject, ownServiceUrl, sendJson } from './channelHttp.js';
import type { DirectLineConversations, LocalConversation } from './directLineConversations.js';

export const LOCAL_CHANNEL_ID = 'directline';

export interface LocalChannelDeps {
  readonly conversations: DirectLineConversations;
  /** The bot as the channel names it in `recipient` and `from`. */
  readonly bot: { readonly id: string; readonly name: string };
  readonly logger: Logger;
  /** Runs one activity through the adapter's middleware and the bot. */
  readonly runTurn: (activity: Activity) => Promise<void>;
  readonly now?: () => Date;
}

const MAX_ID_CHARS = 256;

function optionalString(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > MAX_ID_CHARS) throw new HttpError(400, `invalid_start:${field}`);
  return v === '' ? undefined : v;
}

/** A start request may have no body at all (curl), or Direct Line JS's `{ user: { id }, locale }`. */
async function readStartBody(req: Request): Promise<{ userId?: string; locale?: string }> {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length === 0 && req.headers['transfer-encoding'] === undefined) return {};
  const body = await readJsonBody(req);
  if (!isObject(body)) throw new HttpError(400, 'invalid_start:body');
  if (body.user !== undefined && body.user !== null && !isObject(body.user)) throw new HttpError(400, 'invalid_start:user');
  const userId = optionalString(isObject(body.user) ? body.user.id : undefined, 'user');
  const locale = optionalString(body.locale, 'locale');
  return { ...(userId && { userId }), ...(locale && { locale }) };
}

function parseWatermark(req: Request): number {
  const raw = new URL(req.url ?? '/', 'http://local').searchParams.get('watermark') ?? '';
  if (raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'invalid_watermark');
  return Number(raw);
}

/**
 * The Direct Line 3.0 subset Web Chat needs when it polls: start a conversation, send an activity,
 * get activities after a watermark, refresh the token. No WebSocket, so no `streamUrl`.
 */
export function registerDirectLineRoutes(server: Server, deps: LocalChannelDeps): void {
  const { conversations, bot, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const botAccount = { id: bot.id, name: bot.name, role: 'bot' };
  const conversationBody = (c: LocalConversation, token: string) => ({
    conversationId: c.id,
    token,
    expires_in: conversations.expiresInSeconds,
  });

  const authorized = (req: Request): LocalConversation => {
    const token = bearerToken(req);
    const found = token === undefined ? undefined : conversations.authorize(String(req.params.conversationId), token);
    if (!found) throw new HttpError(401, 'unauthorized');
    return found;
  };

  /** What the channel tells a bot when members join; never shown to the client. */
  const membersAdded = async (
    req: Request,
    c: LocalConversation,
    members: Array<{ id: string; name?: string }>,
    locale: string | undefined,
  ) => {
    for (const m of members) c.members.add(m.id);
    const update = {
      type: 'conversationUpdate',
      channelId: LOCAL_CHANNEL_ID,
      serviceUrl: ownServiceUrl(req),
      conversation: { id: c.id },
      recipient: botAccount,
      from: members.find((m) => m.id !== bot.id) ?? botAccount,
      membersAdded: members,
      timestamp: now().toISOString(),
      ...(locale && { locale }),
    };
    await deps.runTurn(validateActivity(update));
  };

  server.post(
    '/v3/directline/conversations',
    channelRoute(logger, async (req: Request, res: Response) => {
      const token = bearerToken(req);
      if (token !== undefined) {
        // A token from an earlier start names its conversation: 200, nothing new is created.
        const existing = conversations.byToken(token);
        if (!existing) throw new HttpError(401, 'unauthorized');
        sendJson(res, 200, conversationBody(existing, token));
        return;
      }
      const { userId, locale } = await readStartBody(req);
      const started = conversations.start(locale);
      const members = [{ id: bot.id, name: bot.name }, ...(userId ? [{ id: userId }] : [])];
      await membersAdded(req, started.conversation, members, locale).catch((err: unknown) =>
        logger.warn('local_directline_welcome_failed', { conversation: started.conversation.id, ...errorFields(err) }),
      );
      logger.info('local_directline_started', { conversation: started.conversation.id });
      sendJson(res, 201, conversationBody(started.conversation, started.token));
    }),
  );

  server.post(
    '/v3/directline/tokens/refresh',
    channelRoute(logger, async (req: Request, res: Response) => {
      const token = bearerToken(req);
      const found = token === undefined ? undefined : conversations.byToken(token);
      if (!found || token === undefined) throw new HttpError(401, 'unauthorized');
      // The token's life slides with use, so refreshing hands back the same one.
      sendJson(res, 200, conversationBody(found, token));
    }),
  );

  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    channelRoute(logger, async (req: Request, res: Response) => {
      const c = authorized(req);
      sendJson(res, 200, c.since(parseWatermark(req)));
    }),
  );

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    channelRoute(logger, async (req: Request, res: Response) => {
      const c = authorized(req);
      const body = await readJsonBody(req);
      if (!isObject(body)) throw new HttpError(400, 'invalid_activity:body');
      const from = body.from;
      if (!isObject(from) || typeof from.id !== 'string' || from.id === '' || from.id.length > MAX_ID_CHARS) {
        throw new HttpError(400, 'invalid_activity:from');
      }
      const serviceUrl = ownServiceUrl(req);
      const checked = validateActivity({
        ...body,
        channelId: LOCAL_CHANNEL_ID,
        serviceUrl,
        conversation: { id: c.id },
        recipient: botAccount,
        from: { ...from, role: 'user' },
        timestamp: now().toISOString(),
        id: undefined,
      });
      if (!c.members.has(from.id)) {
        await membersAdded(req, c, [{ id: from.id, ...(typeof from.name === 'string' && { name: from.name }) }], checked.locale);
      }
      // The client sees its own activity come back (Web Chat waits for that echo) before the replies.
      const { serviceUrl: _omitted, ...echo } = checked as unknown as Record<string, unknown>;
      const stored = c.append(echo, conversations.limits);
      try {
        await deps.runTurn({ ...checked, id: stored.id });
      } catch (err) {
        throw new HttpError(502, 'bot_failed', { cause: err });
      }
      sendJson(res, 200, { id: stored.id });
    }),
  );
}
