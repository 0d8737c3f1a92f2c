import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { BufferedResponse } from './http/bufferedResponse.js';
import { HttpError } from './http/httpError.js';
import { readJsonBody } from './http/readJsonBody.js';
import { validateActivity } from './http/validateActivity.js';
import { newReferenceId, type Logger } from './log.js';

export interface ServerDeps {
  readonly adapter: CloudAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  readonly logger: Logger;
}

export interface BotServer {
  readonly server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, then waits for requests already in flight. */
  close(): Promise<void>;
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body ?? {}));
}

export function createServer({ adapter, logic, logger }: ServerDeps): BotServer {
  const server = restify.createServer({ name: 'csp-support-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let stopping = false;
  let drained: (() => void) | undefined;

  server.get('/healthz', (_req: Request, res: Response) => {
    sendJson(res, stopping ? 503 : 200, { status: stopping ? 'stopping' : 'ok' });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight++;
    try {
      if (stopping) throw new HttpError(503, 'shutting_down');
      const activity = validateActivity(await readJsonBody(req));
      const captured = new BufferedResponse();
      await adapter.process({ body: activity as unknown as Record<string, unknown>, headers: req.headers, method: 'POST' }, captured, logic);
      const status = captured.statusCode;
      if (status === 401 || status === 403) throw new HttpError(401, 'unauthorized');
      if (status >= 500) throw new HttpError(500, 'internal_error');
      if (status >= 400) throw new HttpError(status, 'bad_request');
      if (captured.body === undefined) {
        res.status(status);
        res.end();
      } else {
        sendJson(res, status, captured.body);
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
