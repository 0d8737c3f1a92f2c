import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestBody } from './requestBody.js';

export interface RecordedActivity {
  readonly conversationId: string;
  /** The id this connector gave the activity in its answer (what a later reply or update names). */
  readonly id?: string;
  readonly path: string;
  readonly authorization?: string;
  readonly activity: Record<string, unknown> & {
    type?: string;
    text?: string;
    attachments?: Array<{ contentType: string; content: unknown }>;
  };
}

/**
 * A Bot Connector stand-in on 127.0.0.1: accepts POST /v3/conversations/{id}/activities[/{replyTo}]
 * the way the channel service does, records each activity and answers with a ResourceResponse.
 */
export class LoopbackConnector {
  readonly received: RecordedActivity[] = [];
  /** Activities replaced in place (PUT …/activities/{id}, Teams updateActivity), with the id they replaced. */
  readonly updated: Array<RecordedActivity & { readonly activityId: string }> = [];
  private server?: Server;
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  private nextId = 1;
  /** Conversations the channel refuses, with the status it answers (403: the bot was removed; 404: gone). */
  readonly refusing = new Map<string, number>();

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
      const text = await requestBody(req);
      const update = /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/.exec(req.url ?? '');
      if (req.method === 'PUT' && update) {
        const activity = JSON.parse(text) as RecordedActivity['activity'];
        const [conversationId, activityId] = [decodeURIComponent(update[1]!), decodeURIComponent(update[2]!)];
        this.updated.push({ conversationId, activityId, path: req.url!, activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: decodeURIComponent(update[2]!) }));
        this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
        return;
      }
      if (req.method !== 'POST' || !match) {
        // restify patches ServerResponse in this process, so writeHead is not chained.
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"NotFound"}}');
        return;
      }
      const refused = this.refusing.get(decodeURIComponent(match[1]!));
      if (refused !== undefined) {
        res.writeHead(refused, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ error: { code: refused === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound', message: 'refused' } }),
        );
        return;
      }
      const activity = JSON.parse(text) as RecordedActivity['activity'];
      const id = `reply-${this.nextId++}`;
      this.received.push({
        conversationId: decodeURIComponent(match[1]!),
        id,
        path: req.url!,
        activity,
        ...(req.headers.authorization && { authorization: req.headers.authorization }),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
      this.waiters = this.waiters.filter((w) => (this.received.length >= w.count ? (w.resolve(), false) : true));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `count` activities in total have arrived. */
  waitFor(count: number, timeoutMs = 5000): Promise<void> {
    if (this.received.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} activities, got ${this.received.length}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** Message activities posted to one conversation (Emulator traces left out). */
  forConversation(id: string): RecordedActivity['activity'][] {
    return this.received.filter((r) => r.conversationId === id && r.activity.type === 'message').map((r) => r.activity);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
