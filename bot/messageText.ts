import type { Activity } from 'botbuilder';
import { clip, MAX_MESSAGE_CHARS } from './text/understood.js';

/**
 * The user's words: the text, or the value of a card button (Teams imBack inside Action.Submit),
 * so that a click and a typed message go through the same route.
 */
export function messageText(activity: Partial<Activity>): string {
  if (typeof activity.text === 'string' && activity.text.trim() !== '') return clip(activity.text, MAX_MESSAGE_CHARS).trim();
  const value = activity.value as { msteams?: { value?: unknown }; text?: unknown } | undefined;
  const fromCard = value?.msteams?.value ?? value?.text;
  return typeof fromCard === 'string' ? clip(fromCard, MAX_MESSAGE_CHARS).trim() : '';
}
