import type { Activity, BotAdapter, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Proactive sends for the desk, into the desk or the customer's chat, through the adapter (so the pacer's
 * queue, spacing and retries apply). Errors are caught inside the turn and thrown here: escaping the
 * turn they would reach onTurnError, which apologises in that chat and clears its dialog state.
 */
export class DeskSender {
  constructor(
    private readonly adapter: BotAdapter,
    private readonly appId: string,
  ) {}

  /** Sends one activity; resolves to the id the channel gave it (a Teams card's id roots its thread). */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    let id: string | undefined;
    await this.run(reference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }

  /** Replaces a message the bot sent earlier (Teams updateActivity). */
  async update(reference: Partial<ConversationReference>, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.run(reference, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    });
  }

  private async run(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { err: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        await logic(context);
      } catch (err) {
        failure = { err };
      }
    });
    if (failure) throw failure.err;
  }
}

/** A Teams channel reference narrowed to one thread: replies there go under the thread's root post. */
export function inThread(reference: Partial<ConversationReference>, rootId: string): Partial<ConversationReference> {
  const conversation = reference.conversation!;
  return { ...reference, conversation: { ...conversation, id: `${conversation.id.split(';')[0]};messageid=${rootId}` } };
}
