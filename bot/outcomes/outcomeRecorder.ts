import { createHash } from 'node:crypto';
import type { ConversationState, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { chinaToday } from '../directory/format.js';
import type { HandoffState } from '../handoff/handoffState.js';
import type { Locale } from '../i18n/locale.js';
import { errorFields, type Logger } from '../log.js';
import type { DocumentStore } from '../store/documentStore.js';
import { turnLocale } from '../turnLocale.js';
import { withTurnMarks, type TurnMarks } from './turnMarks.js';

/** How the day's last customer message went: answered, not understood or no article for it, or a question of the bot left open. */
export type LastTurn = 'answered' | 'unanswered' | 'waiting';

/** One customer conversation on one day (China time), `outcomes/<day>/<hash of channel and conversation>`. No text. */
export interface ConversationOutcome extends Record<string, unknown> {
  readonly day: string;
  readonly channel: string;
  readonly locale: Locale;
  readonly last: LastTurn;
  /** Handoff tickets opened that day. */
  readonly handoffs: readonly string[];
  /** A person was asked for, or had the chat, that day. */
  readonly person: boolean;
}

export const conversationKey = (channelId: string, conversationId: string) =>
  createHash('sha256').update(`${channelId}|${conversationId}`).digest('hex').slice(0, 16);

/**
 * Records each customer conversation's outcome for `npm run report`: after every message turn that reaches
 * the bot (the desk's own turns never do), the day's document is written only when it changed, with the
 * last version kept in conversation state to compare (so most turns write nothing extra).
 */
export class OutcomeRecorder implements Middleware {
  private readonly recorded: StatePropertyAccessor<ConversationOutcome | undefined>;
  private readonly dialogState: StatePropertyAccessor<DialogState | undefined>;
  private readonly streak: StatePropertyAccessor<number>;

  constructor(
    private readonly deps: {
      /** The `outcomes/` namespace. */
      readonly store: DocumentStore;
      readonly conversationState: ConversationState;
      readonly handoff: StatePropertyAccessor<HandoffState | undefined>;
      readonly logger: Logger;
      readonly now?: () => Date;
    },
  ) {
    this.recorded = deps.conversationState.createProperty('outcome');
    this.dialogState = deps.conversationState.createProperty('dialogState');
    this.streak = deps.conversationState.createProperty('lowConfidenceStreak');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const a = context.activity;
    if (a.type !== 'message' || !a.conversation?.id || !a.channelId) return next();
    const marks: TurnMarks = {};
    await withTurnMarks(marks, next);
    await this.record(context, marks).catch((err: unknown) => this.deps.logger.warn('outcome_record_failed', errorFields(err)));
  }

  private async record(context: TurnContext, marks: TurnMarks): Promise<void> {
    const day = chinaToday((this.deps.now ?? (() => new Date()))());
    const before = await this.recorded.get(context);
    const today = before?.day === day ? before : undefined;
    const waiting = ((await this.dialogState.get(context))?.dialogStack.length ?? 0) > 0;
    const notUnderstood = marks.unanswered === true || (await this.streak.get(context, 0)) > 0;
    const handoffs = [...new Set([...(today?.handoffs ?? []), ...(marks.handoffs ?? [])])];
    const outcome: ConversationOutcome = {
      day,
      channel: context.activity.channelId,
      locale: turnLocale(context),
      last: notUnderstood ? 'unanswered' : waiting ? 'waiting' : 'answered',
      handoffs,
      person: (today?.person ?? false) || handoffs.length > 0 || (await this.deps.handoff.get(context)) !== undefined,
    };
    if (JSON.stringify(outcome) === JSON.stringify(before)) return;
    await this.deps.store.write({ [`${day}/${conversationKey(outcome.channel, context.activity.conversation.id)}`]: outcome });
    await this.recorded.set(context, outcome);
    await this.deps.conversationState.saveChanges(context, false);
  }
}
