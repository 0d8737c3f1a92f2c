import restify, { type Request, type Response, type Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { SupportAdapter } from './adapter.js';
import { HttpError } from './http/httpError.js';
import { readJsonBody } from './http/readJsonBody.js';
import { validateActivity } from './http/validateActivity.js';
import { newReferenceId, type Logger } from './log.js';

export interface ServerDeps {
  readonly adapter: SupportAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
  /** More routes on the same server (the local admin endpoint, channel pages). */
  readonly extraRoutes?: (server: Server) => void;
}

export interface BotServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, then waits for requests already in flight. */
  close(): Promise<void>;
}

/** Turn errors end in onTurnError, so what escapes processActivity is token validation failing. */
function isAuthFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const status = (err as { statusCode?: unknown }).statusCode;
  return status === 401 || status === 403 || ['AuthenticationError', 'JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError'].includes(err.name);
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body ?? {}));
}

export function createServer({ adapter, logic, logger, extraRoutes }: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'csp-support-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

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
        throw isAuthFailure(err) ? new HttpError(401, 'unauthorized', { cause: err }) : err;
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
      log('http_error', { ref, status: httpError.status, code: httpError.code, error: err instanceof Error && err !== httpError ? err.name : undefined });
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
