import { ActivityTypes, Channels, type BotState, type Middleware, type TurnContext } from 'botbuilder';

export const STORED_STATE_LABEL = 'Bot State (stored)';

/**
 * After each turn in the Bot Framework Emulator, a Bot State trace with the conversation state (dialog
 * stack) and user state (language) as saved. runDialog's own Bot State trace holds only the turn scope,
 * so ours has its own label. Other channels never receive traces.
 */
export class EmulatorStateTrace implements Middleware {
  constructor(
    private readonly conversationState: BotState,
    private readonly userState: BotState,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
    // Only turns the user started: a proactive send (a ContinueConversation event) gets no trace.
    if (context.activity.channelId !== Channels.Emulator || context.activity.type !== ActivityTypes.Message) return;
    const value = { conversationState: this.conversationState.get(context) ?? {}, userState: this.userState.get(context) ?? {} };
    await context.sendTraceActivity('BotState', value, 'https://www.botframework.com/schemas/botState', STORED_STATE_LABEL);
  }
}
