import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'ok' | '500' | '429' | 'hang';

/**
 * A Bot Connector stand-in whose behaviour is scripted per request: each POST takes the next
 * fault from `plan` (the last one repeats). Records the texts of the activities it accepted.
 */
export class FaultyConnector {
  readonly accepted: Array<{ conversation: string; text: string }> = [];
  attempts = 0;
  private server?: Server;
  private readonly hanging: ServerResponse[] = [];

  constructor(private plan: Fault[]) {}

  setPlan(plan: Fault[]): void {
    this.plan = plan;
    this.attempts = 0;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const fault = this.plan[Math.min(this.attempts++, this.plan.length - 1)]!;
        if (fault === 'hang') {
          this.hanging.push(res);
          return;
        }
        if (fault === '500' || fault === '429') {
          res.writeHead(Number(fault), { 'content-type': 'application/json', ...(fault === '429' && { 'retry-after': '1' }) });
          res.end('{"error":{"code":"ServiceError","message":"try later"}}');
          return;
        }
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string; text?: string };
        if (activity.type === 'message') {
          const conversation = decodeURIComponent(/\/v3\/conversations\/([^/]+)/.exec(req.url ?? '')?.[1] ?? '');
          this.accepted.push({ conversation, text: activity.text ?? '' });
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"ok"}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
