import { join } from 'node:path';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { DeskHandoffs, type DeskHandoff } from '../../bot/desk/deskHandoffs.js';
import { CustomerDirectory } from '../../bot/directory/customerDirectory.js';
import { demoDirectory } from '../../bot/directory/demoDirectory.js';
import { silentLogger } from '../../bot/log.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { PrefixedStore } from '../../bot/store/prefixedStore.js';
import { DocumentTicketStore } from '../../bot/tickets/documentTicketStore.js';
import type { Ticket } from '../../bot/tickets/types.js';
import { ESCALATION_RULES } from './escalationHarness.js';
import { FakeRecognizer } from './fakeRecognizer.js';
import { LoopbackConnector, type RecordedActivity } from './loopbackConnector.js';
import { message, post } from './post.js';
import { makeTempDir } from './tempDir.js';

export const DESK_TOKEN = 'desk-token-for-tests-0123';

type Activity = RecordedActivity['activity'];

/**
 * The real app over HTTP on loopback with the loopback connector as every channel, a desk token, an
 * injected clock (Monday 23 Nov 2026, 11:00 China time) and a 50 ms not-taken check; restartable on the
 * same DATA_DIR.
 */
export class DeskHarness {
  readonly connector = new LoopbackConnector();
  readonly clock = { now: new Date('2026-11-23T03:00:00Z') };
  serviceUrl = '';
  app?: RunningApp;
  private dir?: Awaited<ReturnType<typeof makeTempDir>>;

  constructor(private readonly env: Record<string, string> = {}) {}

  /** The demo directory (a reseller working Mon–Fri 09:00–18:00 China time, and its customers), before start(). */
  async seedDemo(): Promise<void> {
    this.dir ??= await makeTempDir('desk-');
    await (await CustomerDirectory.open(this.store())).replace(demoDirectory());
  }

  async start(): Promise<this> {
    this.dir ??= await makeTempDir('desk-');
    if (this.serviceUrl === '') this.serviceUrl = await this.connector.start();
    const config = loadConfig({ DATA_DIR: this.dir.path, PORT: '0', DESK_TOKEN, ...this.env });
    this.app = await startApp({
      config,
      logger: silentLogger,
      recognizer: new FakeRecognizer([...ESCALATION_RULES, [/^(hi|hello|你好)/i, 'greeting'], [/thank|谢谢/i, 'thanks']]),
      pollMs: { desk: 50 },
      now: () => this.clock.now,
    });
    return this;
  }

  async restart(): Promise<void> {
    await this.app?.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.app?.stop();
    await this.connector.stop();
    await this.dir?.remove();
  }

  get dataDir(): string {
    return this.dir!.path;
  }

  /** Posts an activity to /api/messages; resolves once its turn is over (its sends are at the connector). */
  async send(activity: object): Promise<number> {
    return (await post(`${this.app!.url}/api/messages`, activity)).status;
  }

  /** An Emulator message in `conversation` from `user`. */
  say(conversation: string, user: { id: string; name: string }, text: string, extra: Record<string, unknown> = {}): Promise<number> {
    return this.send(message(this.serviceUrl, conversation, text, { from: { ...user, role: 'user' }, ...extra }));
  }

  /** Message activities the bot sent to a conversation (all Teams threads of a channel included), oldest first. */
  messagesIn(conversation: string): Activity[] {
    return this.connector.received
      .filter((r) => r.conversationId.split(';')[0] === conversation && r.activity.type === 'message')
      .map((r) => r.activity);
  }

  textsIn(conversation: string): string[] {
    return this.messagesIn(conversation)
      .filter((a) => a.text)
      .map((a) => a.text!);
  }

  cardsIn(conversation: string): Array<Record<string, unknown>> {
    return this.messagesIn(conversation).flatMap((a) =>
      (a.attachments ?? [])
        .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((x) => x.content as Record<string, unknown>),
    );
  }

  ticket(id: string): Promise<Ticket | undefined> {
    return new DocumentTicketStore(new PrefixedStore(this.store(), 'tickets/')).get(id);
  }

  handoff(id: string): Promise<DeskHandoff | undefined> {
    return new DeskHandoffs(new PrefixedStore(this.store(), 'desk/'), () => this.clock.now).get(id);
  }

  store(): FileStore {
    return new FileStore(join(this.dataDir, 'store'));
  }
}

/** The buttons' data on a card, e.g. [{ deskAction: 'take', ticketId: 'T-1001' }, …]. */
export function cardActions(card: Record<string, unknown>): Array<Record<string, unknown>> {
  return ((card.actions as Array<{ type: string; data?: Record<string, unknown> }>) ?? [])
    .filter((a) => a.type === 'Action.Submit')
    .map((a) => a.data ?? {});
}

/** A card's text, for looking for facts in it. */
export const cardText = (card: Record<string, unknown>) => JSON.stringify(card);

/** The anonymous visitor's way to a person: ask, name, contact, question. */
export async function askForPerson(say: (text: string) => Promise<number>, name = 'Li Wei'): Promise<void> {
  for (const text of ['talk to a person', name, 'li.wei@contoso.cn', 'Outlook keeps asking for my password']) await say(text);
}

/** Waits for a condition that a background task (the not-taken check) brings about; fails after `ms`. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
