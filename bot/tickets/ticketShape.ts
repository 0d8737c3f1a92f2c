import { withoutETag, type StoredDocument } from '../store/documentStore.js';
import { CorruptDataError } from '../store/errors.js';
import { isTicketStatus } from './lifecycle.js';
import type { Ticket } from './types.js';

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * A stored ticket checked against its shape before anything uses it: a hand-edited or damaged document
 * is refused with its key and the JSON path of the first problem, never half-read or overwritten.
 */
export function checkTicket(key: string, doc: StoredDocument): Ticket {
  const t = withoutETag<Record<string, unknown>>(doc);
  const fail = (path: string, what: string) => new CorruptDataError(`ticket ${key}`, what, { path });
  if (t.id !== key) throw fail('$.id', `not ticket ${key}`);
  if (t.kind !== 'reseller' && t.kind !== '21vianet') throw fail('$.kind', 'not a ticket kind');
  if (!isTicketStatus(t.status)) throw fail('$.status', 'not a ticket status');
  for (const field of ['category', 'title', 'createdAt', 'updatedAt'] as const)
    if (!isString(t[field])) throw fail(`$.${field}`, 'missing');
  if (t.locale !== 'zh-CN' && t.locale !== 'en') throw fail('$.locale', 'not zh-CN or en');
  const summary = t.summary as Record<string, unknown> | undefined;
  if (!summary || !isString(summary['zh-CN']) || !isString(summary.en)) throw fail('$.summary', 'not a bilingual summary');
  if (typeof t.details !== 'object' || t.details === null) throw fail('$.details', 'not an object');
  if (!Array.isArray(t.history)) throw fail('$.history', 'not a list');
  t.history.forEach((h: { at?: unknown; status?: unknown; by?: unknown }, i) => {
    if (!isString(h?.at) || !isTicketStatus(h.status) || !isString(h.by)) throw fail(`$.history[${i}]`, 'not a history entry');
  });
  return t as unknown as Ticket;
}
