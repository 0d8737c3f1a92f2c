import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { TicketNotFoundError } from '../tickets/fileTicketStore.js';
import { escalateTicket } from '../tickets/ticketConsole.js';
import type { TicketStatus, TicketStore } from '../tickets/types.js';
import type { Logger } from '../log.js';
import { readJsonBody } from './readJsonBody.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

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

/** The ticket console's way in while the bot owns DATA_DIR: loopback callers with ADMIN_TOKEN only. */
export function registerAdminRoutes(server: Server, deps: { token: string; tickets: TicketStore; logger: Logger }): void {
  server.post('/admin/tickets/:id/:action', async (req: Request, res: Response) => {
    const authorization = req.headers.authorization ?? '';
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || !authorization.startsWith('Bearer ') || !sameToken(authorization.slice(7), deps.token)) {
      send(res, 401, { error: 'unauthorized' });
      return;
    }
    try {
      const body = (await readJsonBody(req)) as { status?: TicketStatus; note?: string };
      const id = String(req.params.id);
      const note = typeof body?.note === 'string' ? body.note : undefined;
      if (req.params.action === 'escalate') send(res, 200, await escalateTicket(deps.tickets, id, note));
      else if (req.params.action === 'update') {
        send(res, 200, await deps.tickets.update(id, { by: 'reseller', ...(body?.status && { status: body.status }), ...(note && { note }) }));
      } else send(res, 404, { error: 'not_found' });
      deps.logger.info('admin_ticket_change', { ticket: id, action: String(req.params.action) });
    } catch (err) {
      if (err instanceof TicketNotFoundError || err instanceof RangeError) send(res, err instanceof TicketNotFoundError ? 404 : 400, { error: err.message });
      else {
        deps.logger.error('admin_failed', { error: err instanceof Error ? err.name : 'unknown' });
        send(res, 500, { error: 'internal_error' });
      }
    }
  });
}
