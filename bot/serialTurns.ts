import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { KeyedQueue } from './keyedQueue.js';
import { errorFields, type Logger } from './log.js';

/**
 * Turns of one conversation run one after another, so two quick messages never read the same
 * state and overwrite each other's update. Other conversations are not held up.
 */
export class SerialTurns implements Middleware {
  private readonly queue = new KeyedQueue();

  /**
   * @param turnTimeoutMs Channels give up on a turn after 15 s. Past this budget the turn is left
   * to finish in the background and the queue moves on, so one hung connector call cannot hold a
   * conversation (or a graceful shutdown) forever.
   */
  constructor(
    private readonly logger: Logger,
    private readonly turnTimeoutMs = 14_000,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // Our own proactive sends (ContinueConversation) read no state, and are often made from inside another
    // conversation's turn (the desk relays both ways): queueing them could make two turns wait on each other.
    if (context.activity.type === ActivityTypes.Event && context.activity.name === 'ContinueConversation') return next();
    const key = context.activity.conversation?.id ?? '';
    await this.queue.run(key, () => this.withDeadline(next(), key));
  }

  private async withDeadline(turn: Promise<void>, conversation: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.turnTimeoutMs)));
    try {
      const outcome = await Promise.race([turn.then(() => 'done' as const), late]);
      if (outcome === 'late') {
        this.logger.warn('turn_timeout', { conversation, ms: this.turnTimeoutMs });
        turn.catch((err: unknown) => this.logger.warn('late_turn_failed', { conversation, ...errorFields(err) }));
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves when no turn is running; used for graceful shutdown. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
