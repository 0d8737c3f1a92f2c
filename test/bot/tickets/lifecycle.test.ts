import { expect } from 'chai';
import { BadInputError } from '../../../bot/errors.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { DocumentTicketStore } from '../../../bot/tickets/documentTicketStore.js';
import { assertTransition } from '../../../bot/tickets/lifecycle.js';
import { NotifyingTicketStore } from '../../../bot/tickets/notifyingTicketStore.js';
import type { Ticket } from '../../../bot/tickets/types.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('ticket lifecycle', () => {
  it('allows the working statuses in any order, but a closed ticket only reopens', () => {
    expect(() => assertTransition('T-1', 'open', 'waiting_on_customer')).to.not.throw();
    expect(() => assertTransition('T-1', 'escalated', 'resolved')).to.not.throw();
    expect(() => assertTransition('T-1', 'resolved', 'open')).to.not.throw();
    expect(() => assertTransition('T-1', 'closed', 'closed')).to.not.throw(); // a note only
    expect(() => assertTransition('T-1', 'closed', 'escalated')).to.throw(BadInputError, /T-1 is closed: it can go to open, not escalated/);
    expect(() => assertTransition('T-1', 'open', 'done' as never)).to.throw(BadInputError, /Unknown status/);
  });

  it('a status change through the notifying store is stored first, then reported once; notes and customer relays are not', async () => {
    const dir = await makeTempDir();
    const files = new DocumentTicketStore(new FileStore(dir.path));
    const told: Array<[string, string, string | undefined]> = [];
    const store = new NotifyingTicketStore(files, async (t: Ticket, note) => void told.push([t.id, t.status, note]));
    const t = await store.create({
      kind: 'reseller',
      category: 'handoff',
      title: 'x',
      summary: { 'zh-CN': 'x', en: 'x' },
      locale: 'en',
      details: {},
    });
    await store.update(t.id, { by: 'reseller', note: 'looking at it' });
    await store.update(t.id, { by: 'customer', note: 'any news?' });
    await store.update(t.id, { by: 'reseller', status: 'waiting_on_customer', note: 'Please send a screenshot' });
    await store.update(t.id, { by: 'reseller', status: 'waiting_on_customer' });
    expect(told).to.deep.equal([[t.id, 'waiting_on_customer', 'Please send a screenshot']]);

    const failing = new NotifyingTicketStore(files, async () => Promise.reject(new Error('channel down')));
    expect((await failing.update(t.id, { by: 'reseller', status: 'resolved' })).status).to.equal('resolved');
    expect((await files.get(t.id))?.status).to.equal('resolved');
    await dir.remove();
  });
});
