import type { Activity } from 'botbuilder';

/**
 * The user's words: the text, or the value of a card button (Teams imBack inside Action.Submit),
 * so that a click and a typed message go through the same route.
 */
export function messageText(activity: Partial<Activity>): string {
  if (typeof activity.text === 'string' && activity.text.trim() !== '') return activity.text.trim();
  const value = activity.value as { msteams?: { value?: unknown }; text?: unknown } | undefined;
  const fromCard = value?.msteams?.value ?? value?.text;
  return typeof fromCard === 'string' ? fromCard.trim() : '';
}
