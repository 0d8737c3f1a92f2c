import type { Invoice, InvoiceLine } from './types.js';

/** One reason an invoice differs from the one before. */
export type InvoiceChange =
  | { readonly kind: 'new'; readonly description: string; readonly amountCny: number }
  | { readonly kind: 'ended'; readonly description: string; readonly amountCny: number }
  | { readonly kind: 'quantity'; readonly description: string; readonly from: number; readonly to: number; readonly deltaCny: number }
  | { readonly kind: 'proration'; readonly description: string; readonly amountCny: number }
  | { readonly kind: 'usage'; readonly description: string; readonly deltaCny: number }
  | { readonly kind: 'credit'; readonly description: string; readonly amountCny: number }
  /** A one-off proration or credit on the previous invoice that does not repeat. */
  | { readonly kind: 'oneOffEnded'; readonly description: string; readonly amountCny: number };

const sum = (lines: readonly InvoiceLine[]) => Math.round(lines.reduce((s, l) => s + l.amountCny, 0) * 100) / 100;
const regular = (l: InvoiceLine) => l.kind === undefined || l.kind === 'recurring' || l.kind === 'usage';

/**
 * Why `current` differs from `previous`, per subscription: new or ended subscriptions, quantity changes,
 * one-off proration and credit lines, and pay-as-you-go usage that went up or down.
 */
export function invoiceChanges(current: Invoice, previous: Invoice | undefined): InvoiceChange[] {
  const out: InvoiceChange[] = [];
  const before = previous?.lines ?? [];
  const ids = [...new Set([...current.lines, ...before].map((l) => l.subscriptionId))];
  for (const id of ids) {
    const now = current.lines.filter((l) => l.subscriptionId === id);
    const was = before.filter((l) => l.subscriptionId === id);
    const nowRegular = now.filter(regular);
    const wasRegular = was.filter(regular);
    const description = (now[0] ?? was[0])!.description;
    if (previous && wasRegular.length === 0 && nowRegular.length > 0) out.push({ kind: 'new', description, amountCny: sum(nowRegular) });
    else if (nowRegular.length === 0 && wasRegular.length > 0) out.push({ kind: 'ended', description, amountCny: sum(wasRegular) });
    else if (previous && nowRegular.length > 0) {
      const q = (ls: InvoiceLine[]) => ls.reduce((s, l) => s + l.quantity, 0);
      const delta = Math.round((sum(nowRegular) - sum(wasRegular)) * 100) / 100;
      if (nowRegular.some((l) => l.kind === 'usage') && delta !== 0) out.push({ kind: 'usage', description, deltaCny: delta });
      else if (q(nowRegular) !== q(wasRegular))
        out.push({ kind: 'quantity', description, from: q(wasRegular), to: q(nowRegular), deltaCny: delta });
    }
    for (const l of now.filter((x) => x.kind === 'proration'))
      out.push({ kind: 'proration', description: l.description, amountCny: l.amountCny });
    for (const l of now.filter((x) => x.kind === 'credit'))
      out.push({ kind: 'credit', description: l.description, amountCny: l.amountCny });
    for (const l of was.filter((x) => x.kind === 'proration' || x.kind === 'credit'))
      out.push({ kind: 'oneOffEnded', description: l.description, amountCny: l.amountCny });
  }
  return out;
}
