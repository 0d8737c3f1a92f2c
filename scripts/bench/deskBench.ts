import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { createLogger } from '../../bot/log.js';
import { createRecognizer } from '../../bot/nlu/createRecognizer.js';
import { quantile } from './loadTest.js';
import { atMost, printRows } from './table.js';

const TOKEN = 'bench-desk-token-0123456789';
/** Between measured messages: the per-chat pacing (7 a second, 8 in 2 s, 60 in 30 s) never holds one back. */
const SPACING_MS = 550;

/** A channel on 127.0.0.1 that notes when each activity arrives, per conversation. */
class ArrivalConnector {
  private server?: Server;
  private waiting = new Map<string, (at: number) => void>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = performance.now();
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { type?: string; text?: string };
        const key = `${decodeURIComponent(match?.[1] ?? '')}|${activity.text ?? ''}`;
        if (activity.type === 'message')
          for (const [k, resolve] of this.waiting) {
            if (key.startsWith(k)) {
              this.waiting.delete(k);
              resolve(at);
            }
          }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `a-${Math.random().toString(36).slice(2)}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves with the arrival time of the next message in `conversation` whose text starts with `prefix` ('' for any). */
  next(conversation: string, prefix = ''): Promise<number> {
    return new Promise((resolve) => this.waiting.set(`${conversation}|${prefix}`, resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The desk's relay latency: from a customer's message (POST to /api/messages) to its arrival in the desk
 * chat, against an ordinary turn in the same run (the POST of a question to the bot's reply arriving),
 * taken alternately so that machine load falls on both alike. In-process bot, loopback channel.
 */
export async function runDeskBench(options: { quick: boolean }): Promise<void> {
  const samples = options.quick ? 10 : 40;
  const dir = await mkdtemp(join(tmpdir(), 'bench-desk-'));
  const connector = new ArrivalConnector();
  const serviceUrl = await connector.start();
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'error', DESK_TOKEN: TOKEN });
  const logger = createLogger('error', (line) => process.stderr.write(`${line}\n`));
  const app = await startApp({ config, logger, recognizer: await createRecognizer(config, logger) });
  let seq = 0;
  const post = (conversation: string, user: string, text: string, extra: object = {}) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `m-${++seq}`,
        channelId: 'webchat',
        serviceUrl,
        conversation: { id: conversation },
        from: { id: user, name: user },
        recipient: { id: 'bot' },
        locale: 'zh-CN',
        text,
        ...extra,
      }),
    }).then((r) => r.arrayBuffer());

  await post('desk', 'agent', `/desk ${TOKEN}`);
  for (const text of ['转人工', '李伟', 'li.wei@contoso.cn', 'Outlook 一直提示输入密码']) await post('customer', 'customer', text);
  await post('desk', 'agent', '', { value: { deskAction: 'take', ticketId: 'T-1001' } });

  const toDesk: number[] = [];
  const botReply: number[] = [];
  for (let i = 0; i < samples; i++) {
    const relayed = connector.next('desk', 'T-1001');
    const sentAt = performance.now();
    await post('customer', 'customer', `第 ${i} 条：邮件还是发不出去`);
    toDesk.push((await relayed) - sentAt);
    await pause(SPACING_MS);
    // A new chat each time: a first question, as the bot answers it every day.
    const answered = connector.next(`plain-${i}`);
    const askedAt = performance.now();
    await post(`plain-${i}`, `user-${i}`, i % 2 ? '怎么在手机上设置 Outlook' : 'How do I reset my password?');
    botReply.push((await answered) - askedAt);
    await pause(SPACING_MS);
  }
  await app.stop();
  await connector.stop();
  await rm(dir, { recursive: true, force: true });
  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  const [desk, reply] = [sorted(toDesk), sorted(botReply)];
  printRows(
    `Agent desk (ours): a customer's message to its arrival in the desk chat, ${samples} messages, vs an ordinary bot reply`,
    'bot reply',
    [
      {
        name: 'to the desk p50',
        ours: quantile(desk, 0.5),
        baseline: quantile(reply, 0.5),
        unit: 'ms',
        better: 'lower',
        target: atMost(1000, 'ours'),
      },
      {
        name: 'to the desk p90',
        ours: quantile(desk, 0.9),
        baseline: quantile(reply, 0.9),
        unit: 'ms',
        better: 'lower',
        target: atMost(1000, 'ours'),
      },
      {
        name: 'to the desk max',
        ours: desk.at(-1) ?? NaN,
        baseline: reply.at(-1) ?? NaN,
        unit: 'ms',
        better: 'lower',
        target: atMost(1000, 'ours'),
      },
    ],
  );
}
