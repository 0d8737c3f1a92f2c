/**
 * Bounds on customer text. Everything that reads a message to understand it (recognizer, entities,
 * language, search, dialogs) sees at most UNDERSTOOD_CHARS; what is kept or relayed for a person is
 * capped at MAX_MESSAGE_CHARS. With the bound no pattern can cost more than a fixed amount per turn,
 * whatever the message (a 250 KB unbroken word included).
 */
export const UNDERSTOOD_CHARS = 2000;
export const MAX_MESSAGE_CHARS = 4000;

/** The first `max` UTF-16 units of `text`, never ending in half a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The part of a message the bot reads to understand it. */
export function understood(text: string): string {
  return clip(text, UNDERSTOOD_CHARS);
}
