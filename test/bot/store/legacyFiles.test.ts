import { expect } from 'chai';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoDirectory } from '../../../bot/directory/demoDirectory.js';
import { CorruptDataError } from '../../../bot/store/errors.js';
import { openStorage } from '../../../bot/store/openStorage.js';
import { newTicket } from '../../support/newTicket.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('upgrading a DATA_DIR of an earlier version', () => {
  it('imports tickets, the directory, health notices and feedback once, then keeps the old files renamed', async () => {
    const dir = await makeTempDir('legacy-');
    const at = '2026-11-20T08:00:00.000Z';
    const ticket = {
      ...newTicket('c-fabrikam'),
      id: 'T-1001',
      status: 'open',
      createdAt: at,
      updatedAt: at,
      history: [{ at, status: 'open', by: 'bot' }],
    };
    await writeFile(join(dir.path, 'tickets.json'), JSON.stringify({ nextNumber: 1002, tickets: [ticket] }));
    await writeFile(join(dir.path, 'directory.json'), JSON.stringify(demoDirectory()));
    await writeFile(join(dir.path, 'service-health.json'), JSON.stringify({ nextNumber: 1002, incidents: [] }));
    await writeFile(
      join(dir.path, 'feedback.json'),
      JSON.stringify({ feedback: [{ articleId: 'billing/fapiao', helpful: true, locale: 'en', at }], unanswered: [] }),
    );

    const stores = await openStorage({ storage: 'file', dataDir: dir.path });
    expect((await stores.tickets.get('T-1001'))?.title).to.equal(ticket.title);
    expect((await stores.tickets.create(newTicket('c-northwind'))).id).to.equal('T-1002');
    expect(stores.directory.customerById('c-fabrikam')).to.not.equal(undefined);
    expect((await stores.healthNotices.read()).nextNumber).to.equal(1002);
    expect((await stores.feedback.snapshot()).feedback).to.have.length(1);
    const names = await readdir(dir.path);
    for (const f of ['tickets.json', 'directory.json', 'service-health.json', 'feedback.json']) {
      expect(names).to.include(`${f}.imported`).and.not.include(f);
    }
    // Opening again imports nothing twice.
    const again = await openStorage({ storage: 'file', dataDir: dir.path });
    expect((await again.tickets.list()).map((t) => t.id)).to.deep.equal(['T-1001', 'T-1002']);
    await dir.remove();
  });

  it('refuses an old file that is not JSON, and leaves it where it is', async () => {
    const dir = await makeTempDir('legacy-');
    await writeFile(join(dir.path, 'tickets.json'), '{"tickets": [');
    let error: unknown;
    await openStorage({ storage: 'file', dataDir: dir.path }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(CorruptDataError);
    expect(await readFile(join(dir.path, 'tickets.json'), 'utf8')).to.equal('{"tickets": [');
    await dir.remove();
  });
});
