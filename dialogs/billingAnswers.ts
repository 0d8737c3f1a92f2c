import { invoiceChanges } from '../bot/directory/invoiceChanges.js';
import type { Invoice } from '../bot/directory/types.js';
import type { Messages } from '../bot/i18n/messages.js';

/** Why an invoice differs from the one before, line by line. */
export function explainInvoice(all: Messages, invoice: Invoice, previous: Invoice | undefined): string {
  const m = all.customer.billing;
  const changes = invoiceChanges(invoice, previous);
  const lines = previous ? (changes.length > 0 ? changes.map((c) => m.change(c)) : [m.noChanges]) : [];
  return [m.changesIntro(invoice, previous), ...lines].join('\n');
}
