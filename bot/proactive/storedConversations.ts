import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';

/** The user-state property holding where the user can be reached. */
export const CONVERSATIONS_PROPERTY = 'conversations';
/** A user in many chats keeps the most recent few. */
const MAX_CONVERSATIONS = 5;

/** A conversation the bot may message later. `dead` once the channel refused it for good. */
export interface StoredConversation {
  readonly reference: Partial<ConversationReference>;
  readonly seenAt: string;
  readonly dead?: { readonly at: string; readonly status: number };
}

/** The user-state document's key, as botbuilder's UserState builds it. */
export function userStateKey(channelId: string, userId: string): string {
  return `${channelId}/users/${userId}/`;
}

/**
 * Only one-to-one conversations: a ticket update or incident notice for one person must not land in a
 * Teams channel or group chat where others read it.
 */
export function isPersonal(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return activity.conversation?.isGroup !== true && (type === undefined || type === 'personal');
}

const sameConversation = (a: Partial<ConversationReference>, b: Partial<ConversationReference>) =>
  a.conversation?.id === b.conversation?.id && a.channelId === b.channelId;

/**
 * The list after a message in `activity`'s conversation: its reference moves to the front (alive again),
 * or `undefined` when nothing changed, so an ordinary turn writes no state.
 */
export function recordConversation(
  list: readonly StoredConversation[],
  activity: Partial<Activity>,
  now: Date,
): StoredConversation[] | undefined {
  const reference = TurnContext.getConversationReference(activity);
  const existing = list.find((c) => sameConversation(c.reference, reference));
  if (existing && !existing.dead && existing === list[0] && JSON.stringify(existing.reference) === JSON.stringify(reference))
    return undefined;
  const fresh: StoredConversation = { reference, seenAt: now.toISOString() };
  return [fresh, ...list.filter((c) => c !== existing)].slice(0, MAX_CONVERSATIONS);
}
