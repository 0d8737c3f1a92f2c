import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { isSeverity } from '../escalation/serviceRequest.js';
import { TicketNotFoundError } from '../tickets/fileTicketStore.js';
import { isTicketStatus } from '../tickets/lifecycle.js';
import type { TicketDesk } from '../tickets/ticketDesk.js';
import type { Logger } from '../log.js';
import { HttpError } from './httpError.js';
import { readJsonBody } from './readJsonBody.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const MAX_NOTE = 2000;

function sameToken(given: string, expected: string): boolean {
  // Hash first so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function send(res: Response, status: number, body: unknown): void {
  res.status(status);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function authorised(req: Request, token: string): boolean {
  const authorization = req.headers.authorization ?? '';
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && authorization.startsWith('Bearer ') && sameToken(authorization.slice(7), token);
}

/** The body's fields, checked: a bad value is a 400 naming the field, never a half-applied change. */
function changeOf(body: unknown): { status?: string; note?: string; severity?: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'body must be a JSON object');
  const b = body as Record<string, unknown>;
  for (const key of ['status', 'note', 'severity'] as const) {
    if (b[key] !== undefined && b[key] !== null && typeof b[key] !== 'string') throw new HttpError(400, `${key} must be a string`);
  }
  const note = typeof b.note === 'string' && b.note.trim() !== '' ? b.note.trim() : undefined;
  if (note && note.length > MAX_NOTE) throw new HttpError(400, `note is longer than ${MAX_NOTE} characters`);
  return { ...(typeof b.status === 'string' && { status: b.status }), ...(note && { note }), ...(typeof b.severity === 'string' && { severity: b.severity }) };
}

/**
 * The ticket console's way in while the bot owns DATA_DIR: loopback callers with ADMIN_TOKEN only.
 * GET /admin/tickets/:id, POST /admin/tickets/:id/update {status?, note?}, POST /admin/tickets/:id/escalate {note?, severity?}.
 */
export function registerAdminRoutes(server: Server, deps: { token: string; desk: TicketDesk; logger: Logger }): void {
  const handle = (action: string, run: (req: Request) => Promise<unknown>) => async (req: Request, res: Response) => {
    if (!authorised(req, deps.token)) {
      deps.logger.warn('admin_unauthorized', { action });
      send(res, 401, { error: 'unauthorized' });
      return;
    }
    try {
      send(res, 200, await run(req));
      deps.logger.info('admin_ticket', { ticket: String(req.params.id), action });
    } catch (err) {
      if (err instanceof TicketNotFoundError) send(res, 404, { error: err.message });
      else if (err instanceof RangeError) send(res, 400, { error: err.message });
      else if (err instanceof HttpError && err.status < 500) send(res, err.status, { error: err.code });
      else {
        deps.logger.error('admin_failed', { action, error: err instanceof Error ? err.name : 'unknown' });
        send(res, 500, { error: 'internal_error' });
      }
    }
  };

  server.get('/admin/tickets/:id', handle('show', (req) => deps.desk.show(String(req.params.id))));
  server.post(
    '/admin/tickets/:id/update',
    handle('update', async (req) => {
      const { status, note } = changeOf(await readJsonBody(req));
      if (status !== undefined && !isTicketStatus(status)) throw new RangeError(`Unknown status "${status}"`);
      return deps.desk.update(String(req.params.id), { ...(status !== undefined && isTicketStatus(status) && { status }), ...(note && { note }) });
    }),
  );
  server.post(
    '/admin/tickets/:id/escalate',
    handle('escalate', async (req) => {
      const { severity, note } = changeOf(await readJsonBody(req));
      if (severity !== undefined && !isSeverity(severity)) throw new RangeError('severity must be A, B or C');
      return deps.desk.escalate(String(req.params.id), { ...(note && { note }), ...(severity !== undefined && isSeverity(severity) && { severity }) });
    }),
  );
}
