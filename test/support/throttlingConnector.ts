import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

export interface Request {
  readonly conversationId: string;
  /** When the request arrived, on this connector's clock (performance.now of the process). */
  readonly at: number;
  readonly status: number;
  readonly text?: string;
}

/**
 * A Bot Connector stand-in that throttles the way Teams does: each conversation has a script of
 * answers (429 with Retry-After, 412, 502, 504...) used in order, then 200. Every request is
 * recorded with its arrival time on the connector's own clock, so tests count what the channel saw.
 */
export class ThrottlingConnector {
  readonly requests: Request[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private server?: Server;
  private nextId = 1;

  script(conversationId: string, answers: Answer[]): void {
    this.scripts.set(conversationId, [...answers]);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const at = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const conversationId = decodeURIComponent(/^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1] ?? '');
        // A script for a channel applies to all of its threads (;messageid=...).
        const answer = (this.scripts.get(conversationId) ?? this.scripts.get(conversationId.split(';')[0]!))?.shift() ?? { status: 200 };
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { text?: string };
        this.requests.push({ conversationId, at, status: answer.status, ...(body.text !== undefined && { text: body.text }) });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(
          answer.status === 200 ? JSON.stringify({ id: `reply-${this.nextId++}` }) : '{"error":{"code":"Throttled","message":"slow down"}}',
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  to(conversationId: string): Request[] {
    return this.requests.filter((r) => r.conversationId === conversationId);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
