/**
 * Activities in the shape Microsoft Teams posts them to a bot (as recorded from the Bot Connector):
 * 29:/28: ids, an aadObjectId, conversation.conversationType and tenantId, channelData with tenant
 * (and team and channel in a channel), <at> tags in the text with a mention entity for each, and a
 * channel conversation id that names the thread with ;messageid=.
 */
export const TENANT_A = '5a1b9c3e-7d2f-4e8a-9b6c-1f0e2d3c4b5a';
export const TENANT_B = 'c0ffee00-1234-4abc-8def-0123456789ab';
export const BOT = { id: '28:6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b', name: 'CSP Support' };
export const USER = { id: '29:1Xy7Qm2c3PaVn5rT8kLb0sWq4EuZo6GdHfJi9', name: 'Li Wei', aadObjectId: 'a3d9e1f2-6b7c-4d8e-9f01-23456789abcd' };
export const OTHER_USER = {
  id: '29:1Pq8Rw3d4QbXm6sU9lMc1tYr5FvAp7HeIgKj0',
  name: 'Zhang Min',
  aadObjectId: 'b4e0f2a3-7c8d-4e9f-a012-3456789abcde',
};

export type TeamsScope = 'personal' | 'groupChat' | 'channel';

export interface Mention {
  readonly id: string;
  readonly name: string;
  /** The tagged text as it appears in the message, e.g. "<at>CSP Support</at>". */
  readonly text?: string;
}

let seq = 1_700_000_000_000;

const CHANNEL = '19:4f8a2c6e9b1d4e7f8a2c6e9b1d4e7f8a@thread.tacv2';
const TEAM = '19:Xk2Lr9Qw7Zt4Yp1Nm3Bv5Cx8Dz0Fa6Gh@thread.tacv2';
const GROUP = '19:7c1e5a9d3b6f4c8e@thread.v2';

export interface TeamsMessageOptions {
  readonly scope?: TeamsScope;
  readonly tenant?: string | null;
  readonly locale?: string;
  readonly mentions?: readonly Mention[];
  /** For a channel: the root post of the thread the message belongs to (defaults to a new thread). */
  readonly threadRoot?: string;
  readonly conversationId?: string;
}

export function teamsConversation(scope: TeamsScope, tenant: string | null, id: string, threadRoot?: string) {
  const base = { ...(tenant && { tenantId: tenant }) };
  if (scope === 'personal') return { ...base, conversationType: 'personal', id };
  if (scope === 'groupChat') return { ...base, conversationType: 'groupChat', isGroup: true, id };
  return { ...base, conversationType: 'channel', isGroup: true, id: `${id};messageid=${threadRoot}` };
}

function channelData(scope: TeamsScope, tenant: string | null) {
  return {
    ...(scope === 'channel' && { teamsChannelId: CHANNEL, teamsTeamId: TEAM, channel: { id: CHANNEL }, team: { id: TEAM } }),
    ...(tenant && { tenant: { id: tenant } }),
  };
}

export function teamsMessage(serviceUrl: string, text: string, options: TeamsMessageOptions = {}) {
  const scope = options.scope ?? 'personal';
  const tenant = options.tenant === undefined ? TENANT_A : options.tenant;
  const id = String(++seq);
  const defaultId = scope === 'personal' ? 'a:1Hq8ZxC3vB5nM7kL9jP2rT4wY6uI0oE' : scope === 'groupChat' ? GROUP : CHANNEL;
  const locale = options.locale ?? 'en-US';
  return {
    text,
    textFormat: 'plain',
    type: 'message',
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString().replace('Z', '+08:00'),
    id,
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    conversation: teamsConversation(scope, tenant, options.conversationId ?? defaultId, options.threadRoot ?? id),
    recipient: BOT,
    entities: [
      ...(options.mentions ?? []).map((m) => ({
        type: 'mention',
        mentioned: { id: m.id, name: m.name },
        text: m.text ?? `<at>${m.name}</at>`,
      })),
      { type: 'clientInfo', locale, country: 'CN', platform: 'Windows', timezone: 'Asia/Shanghai' },
    ],
    channelData: channelData(scope, tenant),
    locale,
    localTimezone: 'Asia/Shanghai',
  };
}

/** The bot being added: to a team (channel scope), a group chat, or a personal chat. */
export function teamsInstall(serviceUrl: string, options: { scope?: TeamsScope; tenant?: string | null; conversationId?: string } = {}) {
  const scope = options.scope ?? 'channel';
  const tenant = options.tenant === undefined ? TENANT_A : options.tenant;
  const conversation = teamsConversation(scope, tenant, options.conversationId ?? (scope === 'channel' ? CHANNEL : GROUP));
  return {
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    id: `f:${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: USER.id, aadObjectId: USER.aadObjectId },
    // A channel install names the team's General channel without a thread.
    conversation: scope === 'channel' ? { ...conversation, id: options.conversationId ?? CHANNEL } : conversation,
    recipient: BOT,
    channelData: { ...channelData(scope, tenant), eventType: scope === 'channel' ? 'teamMemberAdded' : undefined },
    locale: 'zh-CN',
  };
}
