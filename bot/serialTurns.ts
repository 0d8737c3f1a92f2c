import type { Middleware, TurnContext } from 'botbuilder';
import { KeyedQueue } from './keyedQueue.js';

/**
 * Turns of one conversation run one after another, so two quick messages never read the same
 * state and overwrite each other's update. Other conversations are not held up.
 */
export class SerialTurns implements Middleware {
  private readonly queue = new KeyedQueue();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = context.activity.conversation?.id ?? '';
    await this.queue.run(key, next);
  }

  /** Resolves when no turn is running; used for graceful shutdown. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
