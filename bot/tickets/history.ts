import type { TicketHistoryEntry } from './types.js';

/** History entries a ticket keeps; past this the oldest relayed customer lines are folded into a count. */
export const MAX_HISTORY = 200;

/** The fold entry's note, in both languages the desk may read. */
export const foldedNote = (n: number) => `${n} 条较早的客户消息已折叠 / ${n} earlier customer messages folded`;

/**
 * Appends an entry. A ticket with a long live chat stays bounded: beyond MAX_HISTORY, the oldest
 * relayed customer message (never the opening entry, a status change or a reseller note) is taken out
 * and counted in one fold entry after the opening one.
 */
export function appendHistory(history: readonly TicketHistoryEntry[], entry: TicketHistoryEntry): TicketHistoryEntry[] {
  const next = [...history, entry];
  while (next.length > MAX_HISTORY) {
    const foldAt = next.findIndex((h) => h.folded !== undefined);
    const oldest = next.findIndex((h, i) => i > 0 && h.by === 'customer' && h.folded === undefined);
    if (oldest < 0) break; // nothing relayed to fold: status changes and notes are kept
    const count = (foldAt >= 0 ? next[foldAt]!.folded! : 0) + 1;
    const fold: TicketHistoryEntry = {
      at: next[oldest]!.at,
      status: next[oldest]!.status,
      by: 'bot',
      folded: count,
      note: foldedNote(count),
    };
    if (foldAt < 0) {
      next[oldest] = fold;
    } else {
      next[foldAt] = fold;
      next.splice(oldest, 1);
    }
  }
  return next;
}
