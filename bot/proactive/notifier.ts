import type { Locale } from '../i18n/locale.js';

/** A person the bot can message later: the channel and the user's id on it (the user-state key parts). */
export interface Recipient {
  readonly channelId: string;
  readonly userId: string;
}

/**
 * Proactive messages (ticket updates, incident resolved) to the conversations stored for a recipient.
 * Plain TypeScript: the botbuilder implementation lives with the adapter.
 */
export interface Notifier {
  /**
   * Sends `text` in the recipient's language to each live stored conversation. A reference the channel
   * refuses for good (403 uninstalled, 404) is marked dead, not retried. Resolves to how many were reached.
   */
  notify(recipient: Recipient, text: (locale: Locale) => string): Promise<number>;
}
