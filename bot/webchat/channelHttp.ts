import type { Request, Response } from 'restify';
import { HttpError } from '../http/httpError.js';
import { newReferenceId, type Logger, errorFields } from '../log.js';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

// The Bot Framework ErrorResponse shape, { error: { code, message } }, which Direct Line and the connector both use.
const CODES: Readonly<Record<number, string>> = {
  400: 'BadArgument',
  401: 'Unauthorized',
  404: 'NotFound',
  413: 'MessageSizeTooBig',
  415: 'BadArgument',
  502: 'BotError',
};

export function sendError(res: Response, err: HttpError): void {
  sendJson(res, err.status, { error: { code: CODES[err.status] ?? 'ServiceError', message: err.code } });
}

/** Runs a route; expected failures become their status, anything else a 500 whose reference is in the log. */
export function channelRoute(logger: Logger, handler: (req: Request, res: Response) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.status >= 500)
          logger.error('local_channel_error', {
            status: err.status,
            code: err.code,
            error: err.cause instanceof Error ? err.cause.name : undefined,
          });
        sendError(res, err);
        return;
      }
      const ref = newReferenceId();
      logger.error('local_channel_error', { ref, status: 500, ...errorFields(err) });
      sendJson(res, 500, { error: { code: 'ServiceError', message: `internal_error ${ref}` } });
    }
  };
}

/** The token in `Authorization: Bearer <token>`, if any. */
export function bearerToken(req: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * Where the bot should post replies: the address this request reached, which is always one this
 * server listens on (unlike the configured HOST, which may be 0.0.0.0).
 */
export function ownServiceUrl(req: Request): string {
  const raw = req.socket.localAddress ?? '127.0.0.1';
  const address = raw.startsWith('::ffff:') ? raw.slice(7) : raw;
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The bot calling its own connector routes comes from loopback, or from the address it called. */
export function callsItself(req: Request): boolean {
  const remote = req.socket.remoteAddress ?? '';
  return LOOPBACK.has(remote) || remote === req.socket.localAddress;
}
