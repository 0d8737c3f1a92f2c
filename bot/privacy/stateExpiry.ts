import type { DocumentStore } from '../store/documentStore.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface StateExpiry {
  /** Conversation state (dialog stack, recent messages, identification) untouched for this long goes. */
  readonly conversationDays: number;
  /** User state (language, where to reach them) untouched for this long goes. */
  readonly userDays: number;
}

/**
 * Deletes idle bot state from the store's `state/` namespace (keys as botbuilder builds them:
 * `<channel>/conversations/<id>/` and `<channel>/users/<id>/`). A conversation with a handoff still
 * open is kept: a person may yet answer there. Returns how many documents went.
 */
export async function expireState(store: DocumentStore, expiry: StateExpiry, now: Date): Promise<number> {
  const cutoff = (days: number) => now.getTime() - days * DAY_MS;
  let expired = 0;
  for (const { key, modifiedAt } of await store.list('')) {
    const kind = /\/conversations\//.test(key) ? 'conversation' : /\/users\//.test(key) ? 'user' : undefined;
    if (!kind || modifiedAt >= cutoff(kind === 'conversation' ? expiry.conversationDays : expiry.userDays)) continue;
    if (kind === 'conversation' && (await store.read([key]))[key]?.handoff) continue;
    await store.delete([key]);
    expired++;
  }
  return expired;
}
