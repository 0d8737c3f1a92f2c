import { expect } from 'chai';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { DEMO, demoDirectory } from '../../bot/directory/demoDirectory.js';
import { silentLogger } from '../../bot/log.js';
import { createRecognizer } from '../../bot/nlu/createRecognizer.js';
import { openStorage } from '../../bot/store/openStorage.js';
import { onEachBackend } from '../support/backends.js';
import { DocumentTicketStore } from '../../bot/tickets/documentTicketStore.js';
import { ticketFor } from '../../bot/tickets/ticketFor.js';
import type { NewTicket, TicketStore } from '../../bot/tickets/types.js';
import { makeTempDir } from '../support/tempDir.js';
import { shown, turn } from '../support/turn.js';

const ticketOf = (customer: string, title: string): NewTicket => ({
  kind: 'reseller',
  category: 'billing',
  customer,
  title,
  locale: 'en',
  summary: { 'zh-CN': title, en: title },
  details: {},
});

describe('tenant isolation of tickets', function () {
  this.timeout(60_000);

  describe('ticketFor (the scoping rule the ticket_status dialog applies)', () => {
    onEachBackend(({ fresh }) => {
      it('another customer\'s ticket is "not found", exactly like a missing one', async () => {
        const tickets: TicketStore = new DocumentTicketStore(await fresh());
        const mine = await tickets.create(ticketOf('c-a', 'mine'));
        const theirs = await tickets.create(ticketOf('c-b', 'theirs'));
        const prospect = await tickets.create({ ...ticketOf('c-b', 'sign-up'), customer: undefined } as NewTicket);
        expect((await ticketFor(tickets, 'c-a', mine.id))?.title).to.equal('mine');
        expect((await ticketFor(tickets, 'c-a', mine.id.toLowerCase()))?.title).to.equal('mine');
        expect(await ticketFor(tickets, 'c-a', theirs.id)).to.equal(undefined);
        expect(await ticketFor(tickets, 'c-a', prospect.id)).to.equal(undefined);
        expect(await ticketFor(tickets, 'c-a', 'T-99999')).to.equal(undefined);
        expect(await ticketFor(tickets, 'c-a', '../T-1001')).to.equal(undefined);
      });
    });
  });

  describe("over HTTP, a Teams user of tenant A asking for tenant B's ticket", () => {
    let dir: Awaited<ReturnType<typeof makeTempDir>>;
    let app: RunningApp;
    let own: string;
    let foreign: string;
    before(async () => {
      dir = await makeTempDir();
      const stores = await openStorage({ storage: 'file', dataDir: dir.path });
      await stores.directory.replace(demoDirectory());
      const tickets = stores.tickets;
      own = (await tickets.create(ticketOf(DEMO.fabrikam.id, 'Fabrikam: add 5 E3 licenses'))).id;
      foreign = (await tickets.create(ticketOf(DEMO.northwind.id, 'Northwind: refund for invoice NW-2026-10'))).id;
      const config = loadConfig({ DATA_DIR: dir.path, PORT: '0' });
      app = await startApp({ config, logger: silentLogger, recognizer: await createRecognizer(config, silentLogger) });
    });
    after(async () => {
      await app.stop();
      await dir.remove();
    });

    let n = 0;
    const ask = async (id: string) =>
      shown(
        await turn(app.url, `iso-${++n}`, `What is the status of ticket ${id}?`, {
          channelId: 'msteams',
          from: { id: `29:fabrikam-admin`, name: 'Wang Lei', aadObjectId: DEMO.fabrikam.adminAad, role: 'user' },
          conversation: { id: `iso-${n}`, tenantId: DEMO.fabrikam.tenantId, conversationType: 'personal' },
          channelData: { tenant: { id: DEMO.fabrikam.tenantId } },
        }),
      );

    it('gets the same "not found" answer as for a ticket that does not exist', async () => {
      const mine = await ask(own);
      expect(mine, 'the own ticket is found').to.include(own);
      const theirs = await ask(foreign);
      const missing = await ask('T-99999');
      const normalise = (s: string) => s.replace(/T-\d+/g, 'T-?');
      expect(normalise(theirs)).to.equal(normalise(missing));
      expect(normalise(theirs)).to.not.equal(normalise(mine));
      expect(theirs).to.not.include('Northwind').and.not.include('refund');
    });
  });
});
