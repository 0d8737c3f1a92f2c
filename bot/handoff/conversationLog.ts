import { ActivityTypes, type Middleware, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { TranscriptLine } from './transcript.js';
import { messageText } from '../messageText.js';

/** Messages kept per conversation for the handoff transcript. */
export const RECENT_LIMIT = 20;
const MAX_CHARS = 1000;

/**
 * Keeps the last RECENT_LIMIT user and bot messages in conversation state (never in logs), so a handoff
 * can pass the conversation to a person. The bot saves conversation state at the end of the turn.
 */
export class ConversationLog implements Middleware {
  constructor(
    readonly recent: StatePropertyAccessor<TranscriptLine[]>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    const incoming = messageText(context.activity);
    if (incoming !== '') await this.append(context, [{ role: 'user', text: incoming }]);
    context.onSendActivities(async (ctx, activities, send) => {
      const lines = activities
        .filter((a) => a.type === ActivityTypes.Message && typeof a.text === 'string' && a.text.trim() !== '')
        .map((a) => ({ role: 'bot' as const, text: a.text! }));
      if (lines.length > 0) await this.append(ctx, lines);
      return send();
    });
    await next();
  }

  private async append(context: TurnContext, lines: Array<Pick<TranscriptLine, 'role' | 'text'>>): Promise<void> {
    const at = this.now().toISOString();
    const kept = await this.recent.get(context, []);
    const added = lines.map((l) => ({ ...l, text: l.text.length > MAX_CHARS ? `${l.text.slice(0, MAX_CHARS)}…` : l.text, at }));
    await this.recent.set(context, [...kept, ...added].slice(-RECENT_LIMIT));
  }
}
