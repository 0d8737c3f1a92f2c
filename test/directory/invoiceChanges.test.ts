import { expect } from 'chai';
import { DEMO, demoDirectory } from '../../bot/directory/demoDirectory.js';
import { formatCny, formatDate, formatPeriod } from '../../bot/directory/format.js';
import { invoiceChanges } from '../../bot/directory/invoiceChanges.js';

const invoices = (customerId: string) => demoDirectory().invoices.filter((i) => i.customerId === customerId);

describe('invoiceChanges', () => {
  it('explains a quantity change, its one-off proration and usage', () => {
    const [aug, sep, oct, nov] = invoices(DEMO.fabrikam.id);
    expect(invoiceChanges(sep!, aug).map((c) => c.kind)).to.deep.equal(['usage']);
    expect(invoiceChanges(oct!, sep)).to.deep.equal([
      { kind: 'quantity', description: 'Office 365 E3', from: 25, to: 30, deltaCny: 950 },
      { kind: 'proration', description: 'Office 365 E3 (5 licenses, 16–30 Sep)', amountCny: 475 },
      { kind: 'usage', description: 'Azure plan', deltaCny: 107.4 },
    ]);
    expect(invoiceChanges(nov!, oct).map((c) => c.kind)).to.deep.equal(['oneOffEnded', 'usage']);
  });

  it('explains a new subscription', () => {
    const [, oct, nov] = invoices(DEMO.northwind.id);
    expect(invoiceChanges(nov!, oct)).to.deep.equal([{ kind: 'new', description: 'Microsoft 365 Business Standard', amountCny: 440 }]);
  });

  it('has nothing to compare for a first invoice', () => {
    expect(invoiceChanges(invoices(DEMO.tailspin.id)[0]!, undefined)).to.deep.equal([]);
  });
});

describe('CNY and China-time formatting', () => {
  it('formats amounts as ¥1,234.50 in both locales', () => {
    expect(formatCny(1234.5, 'en')).to.equal('¥1,234.50');
    expect(formatCny(1234.5, 'zh-CN')).to.equal('¥1,234.50');
  });

  it('shows instants on the China calendar day', () => {
    expect(formatDate('2026-11-30T17:00:00Z', 'en')).to.equal('Dec 1, 2026');
    expect(formatDate('2026-12-15', 'zh-CN')).to.equal('2026年12月15日');
    expect(formatPeriod('2026-10', 'zh-CN')).to.equal('2026年10月');
    expect(formatPeriod('2026-10', 'en')).to.equal('October 2026');
  });
});
