import { DEMO } from '../../../bot/directory/demoDirectory.js';
import type { DirectoryData } from '../../../bot/directory/types.js';
import type { Scenario } from './scenario.js';

/** Where the bot would reply without expectReplies; nothing listens there, nothing is sent there. */
const SERVICE_URL = 'http://127.0.0.1:9';
const BOT = { teams: { id: '28:conversation-eval-bot', name: 'CSP Support' }, other: { id: 'conversation-eval-bot', name: 'Bot' } };

/** What the customer does in one turn: types text, or presses a card button (whose data is posted). */
export type Input = { readonly text: string } | { readonly value: unknown };

let seq = 0;

/** The customer and conversation of one scenario run: a fresh conversation, and a fresh user in it. */
export interface Party {
  readonly scenario: Scenario;
  readonly run: string;
  readonly directory: DirectoryData;
}

function locale(p: Party): string {
  return p.scenario.locale ?? (p.scenario.lang === 'zh' ? 'zh-CN' : 'en-US');
}

/** A Teams personal-chat message from the demo customer's admin, shaped as the Bot Connector posts it. */
function teams(p: Party, input: Input): Record<string, unknown> {
  const who = DEMO[p.scenario.customer ?? 'fabrikam'];
  const name = p.directory.customers.find((c) => c.id === who.id)?.contacts.find((c) => c.aadObjectId === who.adminAad)?.name ?? 'User';
  const imBack = 'value' in input ? (input.value as { msteams?: { type?: string; value?: unknown } } | undefined)?.msteams : undefined;
  // Teams posts an imBack button as the text of an ordinary message; other Submit data arrives as value.
  const text = 'text' in input ? input.text : imBack?.type === 'imBack' && typeof imBack.value === 'string' ? imBack.value : undefined;
  return {
    type: 'message',
    ...(text !== undefined ? { text, textFormat: 'plain' } : { value: (input as { value: unknown }).value }),
    channelId: 'msteams',
    from: { id: `29:${p.run}`, name, aadObjectId: who.adminAad },
    recipient: BOT.teams,
    conversation: { conversationType: 'personal', tenantId: who.tenantId, id: `a:${p.run}` },
    channelData: { tenant: { id: who.tenantId } },
    entities: [{ type: 'clientInfo', locale: locale(p), country: 'CN', platform: 'Windows', timezone: 'Asia/Shanghai' }],
    localTimezone: 'Asia/Shanghai',
  };
}

/** A Web Chat (Direct Line) or Emulator message from an anonymous visitor. */
function visitor(p: Party, input: Input): Record<string, unknown> {
  const emulator = p.scenario.channel === 'emulator';
  return {
    type: 'message',
    ...('text' in input ? { text: input.text } : { value: input.value }),
    channelId: emulator ? 'emulator' : 'webchat',
    from: { id: emulator ? `user-${p.run}` : `dl_${p.run}`, ...(emulator && { name: 'User', role: 'user' }) },
    recipient: BOT.other,
    conversation: { id: `conv-${p.run}` },
  };
}

/** The activity for one turn, asking for the replies in the HTTP response (deliveryMode expectReplies). */
export function activityFor(p: Party, input: Input): Record<string, unknown> {
  const body = p.scenario.channel === 'teams' ? teams(p, input) : visitor(p, input);
  const now = new Date();
  return {
    ...body,
    id: `eval-${++seq}`,
    serviceUrl: SERVICE_URL,
    timestamp: now.toISOString(),
    locale: locale(p),
    deliveryMode: 'expectReplies',
  };
}
