import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { FOCUS_MINUTES, FOCUS_TURNS, type Focus, type FocusRecord } from '../bot/conversation/focus.js';

/** Remembers what the dialogs last showed (conversation state), for follow-ups. */
export class FocusTracker {
  constructor(
    private readonly accessor: StatePropertyAccessor<FocusRecord | undefined>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async show(context: TurnContext, focus: Focus): Promise<void> {
    await this.accessor.set(context, { focus, turnsLeft: FOCUS_TURNS, at: this.now().toISOString() });
  }

  /** The focus, if it is still fresh; counts this turn against it. */
  async take(context: TurnContext): Promise<Focus | undefined> {
    const record = await this.accessor.get(context);
    if (!record) return undefined;
    if (record.turnsLeft <= 0 || this.now().getTime() - Date.parse(record.at) > FOCUS_MINUTES * 60_000) {
      await this.accessor.delete(context);
      return undefined;
    }
    await this.accessor.set(context, { ...record, turnsLeft: record.turnsLeft - 1 });
    return record.focus;
  }

  clear(context: TurnContext): Promise<void> {
    return this.accessor.delete(context);
  }
}
