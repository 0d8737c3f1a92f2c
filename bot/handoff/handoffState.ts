import type { Locale } from '../i18n/locale.js';

/** An active handoff in conversation state: the bot stays quiet while it is set. */
export interface HandoffState {
  readonly ticketId: string;
  /** ISO time the handoff began. */
  readonly since: string;
  /** The customer's language at the time, for the messages when it ends. */
  readonly locale: Locale;
  /** The reseller's agent desk has it (bot/desk): the desk's record says whether a person is in the chat. */
  readonly desk?: true;
}

/** `handoff.status` states from the handoff protocol. */
export type HandoffStatusState = 'accepted' | 'failed' | 'completed';

export function handoffStatusOf(value: unknown): { state: HandoffStatusState; message?: string } | undefined {
  const v = value as { state?: unknown; message?: unknown } | undefined;
  const state = typeof v?.state === 'string' ? v.state.toLowerCase() : undefined;
  if (state !== 'accepted' && state !== 'failed' && state !== 'completed') return undefined;
  return { state, ...(typeof v?.message === 'string' && { message: v.message }) };
}
