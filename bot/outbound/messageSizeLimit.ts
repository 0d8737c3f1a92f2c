import type { Middleware, TurnContext } from 'botbuilder';
import { messages } from '../i18n/messages.js';
import { turnLocale } from '../turnLocale.js';
import { fitActivity, MESSAGE_BUDGET_BYTES } from './messageSize.js';

/**
 * Send side: every outgoing message is measured as serialized and, when too big for the channel,
 * split or shortened (see fitActivity), with a note in the user's language. Registered first, so
 * the parts it makes are what the rate limiter then paces.
 */
export class MessageSizeLimit implements Middleware {
  constructor(private readonly budgetBytes = MESSAGE_BUDGET_BYTES) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (ctx, activities, sendNext) => {
      const note = messages(turnLocale(ctx)).teams.shortened;
      const fitted = activities.flatMap((activity) => fitActivity(activity, note, this.budgetBytes));
      if (fitted.length !== activities.length || fitted.some((a, i) => a !== activities[i]))
        activities.splice(0, activities.length, ...fitted);
      return sendNext();
    });
    await next();
  }
}
