import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { clip, MAX_MESSAGE_CHARS } from './text/understood.js';

const clipped = new WeakSet<Partial<Activity>>();

/** Whether the bound cut this message: the relay then tells the agent the rest was dropped. */
export function wasClipped(activity: Partial<Activity>): boolean {
  return clipped.has(activity);
}

/**
 * First in the pipeline: a message's text is cut to MAX_MESSAGE_CHARS before anything reads it
 * (mention removal, the conversation log, transcripts, the relay, the bot), so no later step can
 * spend time in proportion to a 250 KB message.
 */
export class MessageBound implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type === ActivityTypes.Message && typeof a.text === 'string' && a.text.length > MAX_MESSAGE_CHARS) {
      a.text = clip(a.text, MAX_MESSAGE_CHARS);
      clipped.add(a);
    }
    await next();
  }
}
