import type { BotAdapter, ConversationReference, Storage, TurnContext } from 'botbuilder';
import { normalizeLocale, type Locale } from '../i18n/locale.js';
import type { LanguageState } from '../languagePreference.js';
import type { Logger } from '../log.js';
import type { Notifier, Recipient } from './notifier.js';
import { CONVERSATIONS_PROPERTY, userStateKey, type StoredConversation } from './storedConversations.js';

interface UserDocument {
  [CONVERSATIONS_PROPERTY]?: StoredConversation[];
  language?: LanguageState;
  eTag?: string;
}

/** The channel said this conversation is gone for good: the bot was removed (403) or it no longer exists (404). */
const GONE = new Set([403, 404]);

function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } } | undefined;
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Notifier over the Bot Framework adapter: reads the user's stored conversations from user state (outside
 * any turn), sends through `continueConversationAsync`, and marks a conversation the channel refuses for
 * good as dead so it is never tried again. Other failures (5xx, timeouts) leave it for the next notice.
 */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: BotAdapter,
    private readonly storage: Storage,
    private readonly appId: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async notify(recipient: Recipient, text: (locale: Locale) => string): Promise<number> {
    const key = userStateKey(recipient.channelId, recipient.userId);
    const doc = ((await this.storage.read([key]))[key] ?? {}) as UserDocument;
    const live = (doc[CONVERSATIONS_PROPERTY] ?? []).filter((c) => !c.dead);
    let reached = 0;
    const dead: Array<{ id: string; status: number }> = [];
    for (const c of live) {
      const locale = doc.language?.chosen ?? doc.language?.lastDetected ?? normalizeLocale(c.reference.locale) ?? 'zh-CN';
      const status = await this.send(c.reference, text(locale));
      if (status === 'sent') reached++;
      else if (status !== undefined && GONE.has(status)) dead.push({ id: c.reference.conversation?.id ?? '', status });
      else this.logger.warn('proactive_send_failed', { channel: recipient.channelId, status: status ?? null });
    }
    if (dead.length > 0) await this.markDead(key, dead);
    return reached;
  }

  /** 'sent', or the HTTP status the channel refused with (undefined when there was none, e.g. a timeout). */
  private async send(reference: Partial<ConversationReference>, text: string): Promise<'sent' | number | undefined> {
    let outcome: 'sent' | number | undefined;
    // Errors are caught inside the turn: escaping, they would reach onTurnError, which clears the
    // conversation's dialog state, and the notifier would never learn the status.
    await this.adapter.continueConversationAsync(this.appId, reference, async (context: TurnContext) => {
      try {
        await context.sendActivity(text);
        outcome = 'sent';
      } catch (err) {
        outcome = statusOf(err);
      }
    });
    return outcome;
  }

  /** Read-modify-write on the user document with its eTag, so a concurrent turn's save is not overwritten. */
  private async markDead(key: string, dead: ReadonlyArray<{ id: string; status: number }>): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const doc = ((await this.storage.read([key]))[key] ?? {}) as UserDocument;
      const at = this.now().toISOString();
      const conversations = (doc[CONVERSATIONS_PROPERTY] ?? []).map((c) => {
        const hit = dead.find((d) => d.id === c.reference.conversation?.id);
        return hit && !c.dead ? { ...c, dead: { at, status: hit.status } } : c;
      });
      try {
        await this.storage.write({ [key]: { ...doc, [CONVERSATIONS_PROPERTY]: conversations } });
        for (const d of dead) this.logger.info('proactive_conversation_dead', { status: d.status });
        return;
      } catch (err) {
        if ((err as Error).name !== 'ETagConflictError') throw err;
      }
    }
    this.logger.warn('proactive_mark_dead_conflict');
  }
}
