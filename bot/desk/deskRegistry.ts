import type { Activity, ConversationReference } from 'botbuilder';
import type { Locale } from '../i18n/locale.js';
import { withoutETag, type DocumentStore } from '../store/documentStore.js';
import { updateDocument } from '../store/updateDocument.js';

/** Who acted in the desk: the channel's user id, the name it shows, and in Teams the Entra object id. */
export interface DeskAgent {
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
}

/** The one desk conversation of this bot. */
export interface DeskRegistration extends Record<string, unknown> {
  readonly channelId: string;
  /** The conversation without a Teams thread (`;messageid=`): the channel itself, or the Emulator / Web Chat chat. */
  readonly conversationId: string;
  /** Where new cards go (conversation.id is `conversationId`). */
  readonly reference: Partial<ConversationReference>;
  /** The reseller's tenant, for a Teams desk. */
  readonly tenantId?: string;
  /** The language the desk's notices lead with: the registering agent's. */
  readonly locale: Locale;
  readonly registeredBy: DeskAgent;
  readonly registeredAt: string;
}

const KEY = 'registration';

/** A Teams channel message's conversation id names its thread after `;messageid=`; the desk is the channel. */
export const baseConversationId = (id: string | undefined) => (id ?? '').split(';')[0]!;

/** The root post of a Teams channel thread, from a conversation id like `19:…@thread.tacv2;messageid=1700…`. */
export const threadRootOf = (id: string | undefined) => /;messageid=([^;]+)/.exec(id ?? '')?.[1];

export function agentOf(activity: Partial<Activity>): DeskAgent {
  const from = activity.from;
  return {
    id: from?.id ?? '',
    ...(from?.name && { name: from.name }),
    ...(from?.aadObjectId && { aadObjectId: from.aadObjectId.toLowerCase() }),
  };
}

/**
 * Where the desk is, in the store (`desk/registration`). Read on every message turn, so it is kept for a
 * few seconds: a desk registered on another instance is seen there within `ttlMs`.
 */
export class DeskRegistry {
  private cached?: { at: number; value: DeskRegistration | undefined };

  constructor(
    private readonly store: DocumentStore,
    private readonly ttlMs = 10_000,
  ) {}

  async current(): Promise<DeskRegistration | undefined> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.value;
    const found = (await this.store.read([KEY]))[KEY];
    const value = found ? withoutETag<DeskRegistration>(found) : undefined;
    this.cached = { at: Date.now(), value };
    return value;
  }

  /** Replaces the desk (compare-and-swap, so two agents registering at once both land, one after the other). */
  async register(registration: DeskRegistration): Promise<void> {
    await updateDocument<DeskRegistration, void>(this.store, KEY, () => ({ value: registration, result: undefined }));
    this.cached = { at: Date.now(), value: registration };
  }

  /** Whether an activity comes from the registered desk conversation (any of its Teams threads). */
  static isDesk(activity: Partial<Activity>, desk: DeskRegistration | undefined): desk is DeskRegistration {
    return (
      desk !== undefined && activity.channelId === desk.channelId && baseConversationId(activity.conversation?.id) === desk.conversationId
    );
  }
}
