import restify, { type Request, type Response, type Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { SupportAdapter } from './adapter.js';
import { HttpError } from './http/httpError.js';
import { readJsonBody } from './http/readJsonBody.js';
import { validateActivity } from './http/validateActivity.js';
import { errorFields, newReferenceId, type LogFields, type Logger } from './log.js';

export interface ServerDeps {
  readonly adapter: SupportAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** More routes on the same server (Web Chat and desk pages, Teams, Direct Line). */
  readonly extraRoutes?: (server: Server) => void;
  /**
   * Serve only requests addressed to localhost, 127.0.0.1 or [::1] with our port (else 421): where
   * turns run unauthenticated, a web page must not reach the bot through DNS rebinding.
   */
  readonly localHostOnly?: boolean;
}

export interface BotServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, then waits for requests already in flight. */
  close(): Promise<void>;
}

/**
 * Turn errors end in onTurnError, so what escapes processActivity comes from token validation: a bad
 * token is 401; OpenID metadata or signing keys that cannot be fetched make the token unverifiable for
 * now, which is 503 (the channel retries), never 500.
 */
export function authFailureStatus(err: unknown): 401 | 503 | undefined {
  if (!(err instanceof Error)) return undefined;
  const status = (err as { statusCode?: unknown }).statusCode;
  // The SDK's AuthenticationError is a plain Error with a statusCode: 500 when it could not load metadata or keys.
  if (err.name === 'FetchError' || err.name === 'AbortError' || (typeof status === 'number' && status >= 500)) return 503;
  if (
    status === 401 ||
    status === 403 ||
    ['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes(err.name)
  )
    return 401;
  return undefined;
}

/** `{ error, status }` → `{ causeError, causeStatus }`, beside the response's own status and code. */
function prefixed(prefix: string, fields: LogFields): LogFields {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]));
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body ?? {}));
}

export function createServer({ adapter, logic, logger, extraRoutes, localHostOnly = false }: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'csp-support-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

  if (localHostOnly) {
    server.pre((req: Request, res: Response, next: (err?: false) => void) => {
      const port = server.address()?.port;
      const host = (req.headers.host ?? '').toLowerCase();
      if (['localhost', '127.0.0.1', '[::1]'].some((name) => host === `${name}:${port}`)) return next();
      logger.warn('http_error', { status: 421, code: 'misdirected_request' });
      sendJson(res, 421, { error: 'misdirected_request' });
      return next(false);
    });
  }

  server.get('/healthz', async (_req: Request, res: Response) => {
    sendJson(res, stopping ? 503 : 200, { status: stopping ? 'stopping' : 'ok' });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight++;
    try {
      if (stopping) throw new HttpError(503, 'shutting_down');
      const activity = validateActivity(await readJsonBody(req));
      const authorization = req.headers.authorization ?? '';
      // Not CloudAdapter.process(): we own the response, so SDK error text never reaches it.
      const invokeResponse = await adapter.handleActivity(authorization, activity, logic).catch((err: unknown) => {
        const status = authFailureStatus(err);
        throw status ? new HttpError(status, status === 401 ? 'unauthorized' : 'auth_unavailable', { cause: err }) : err;
      });
      if (invokeResponse?.body === undefined) {
        res.status(invokeResponse?.status ?? 200);
        res.end();
      } else {
        sendJson(res, invokeResponse.status, invokeResponse.body);
      }
    } catch (err) {
      const httpError = err instanceof HttpError ? err : new HttpError(500, 'internal_error', { cause: err });
      const ref = newReferenceId();
      const log = httpError.status >= 500 ? logger.error : logger.warn;
      const cause = err === httpError ? httpError.cause : err;
      log('http_error', {
        ref,
        status: httpError.status,
        code: httpError.code,
        ...(cause !== undefined && prefixed('cause', errorFields(cause))),
      });
      sendJson(res, httpError.status, { error: httpError.code.split(':')[0], ...(httpError.status >= 500 && { ref }) });
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  });

  extraRoutes?.(server);

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      }),
    close: async () => {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await closed;
    },
  };
}
