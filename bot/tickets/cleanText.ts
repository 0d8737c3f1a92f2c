import { clip, MAX_MESSAGE_CHARS } from '../text/understood.js';
import { withoutControls } from '../text/printable.js';
import type { NewTicket } from './types.js';

/** Appended to a note that was cut to MAX_MESSAGE_CHARS, in both languages the desk may read. */
export const TRUNCATED_MARK = '\n[…已截断，只保留前 4000 个字符 / truncated to the first 4,000 characters]';

/**
 * A note (relayed message, console note) as stored: no control characters, at most MAX_MESSAGE_CHARS,
 * and the mark when something was cut, here or before (idempotent: a marked note keeps one mark).
 */
export function cleanNote(note: string): string {
  const marked = note.endsWith(TRUNCATED_MARK);
  const clean = withoutControls(marked ? note.slice(0, -TRUNCATED_MARK.length) : note, { multiline: true });
  return marked || clean.length > MAX_MESSAGE_CHARS ? `${clip(clean, MAX_MESSAGE_CHARS)}${TRUNCATED_MARK}` : clean;
}

/** Title and summaries of a new ticket without control characters; the title on one line, 200 characters at most. */
export function cleanNewTicket<T extends NewTicket>(ticket: T): T {
  return {
    ...ticket,
    title: clip(withoutControls(ticket.title), 200),
    summary: { 'zh-CN': cleanNote(ticket.summary['zh-CN']), en: cleanNote(ticket.summary.en) },
  };
}
