import type { Middleware, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { CONVERSATIONS_PROPERTY, isPersonal, recordConversation, type StoredConversation } from './storedConversations.js';

/**
 * Remembers, in user state, the conversation each user message came from, so that ticket updates and
 * incident notices can reach them later. It must share the bot's UserState instance: two instances would
 * each write the whole user document and undo each other's changes.
 */
export class ConversationRecorder implements Middleware {
  private readonly conversations: StatePropertyAccessor<StoredConversation[]>;

  constructor(
    private readonly userState: UserState,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.conversations = userState.createProperty<StoredConversation[]>(CONVERSATIONS_PROPERTY);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type === 'message' && a.from?.id && a.channelId && a.conversation?.id && a.serviceUrl && isPersonal(a)) {
      const changed = recordConversation(await this.conversations.get(context, []), a, this.now());
      if (changed) await this.conversations.set(context, changed);
    }
    await next();
    // The bot saves user state too; this covers turns that end early. No change, no write.
    await this.userState.saveChanges(context);
  }
}
