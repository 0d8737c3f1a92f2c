import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { DEMO, demoDirectory } from '../../bot/directory/demoDirectory.js';
import { ServiceRequestOutbox } from '../../bot/escalation/serviceRequestOutbox.js';
import { createLogger } from '../../bot/log.js';
import { openStorage } from '../../bot/store/openStorage.js';
import { BadInputError } from '../../bot/errors.js';
import { parseTicketArgs } from '../../bot/tickets/ticketConsole.js';
import type { Ticket } from '../../bot/tickets/types.js';
import { FakePartnerCenter } from '../support/fakePartnerCenter.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { makeTempDir } from '../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** `npm run --silent tickets -- ...` as a process, with only the given environment. */
function tickets(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts/tickets.ts'), ...args],
      { cwd: env.DATA_DIR, env: { PATH: process.env.PATH ?? '', ...env } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A DATA_DIR with the demo directory and two tickets, one opened from Teams by Emily Chen. */
async function seed(dataDir: string): Promise<void> {
  const stores = await openStorage({ storage: 'file', dataDir });
  await stores.directory.replace(demoDirectory());
  const store = stores.tickets;
  await store.create({
    kind: 'reseller',
    category: 'handoff',
    customer: DEMO.northwind.id,
    title: 'Asked for a person: Teams calls drop',
    locale: 'en',
    summary: { 'zh-CN': '客户要求转人工：Teams 通话掉线', en: 'The customer asked for a person: Teams calls drop' },
    requester: { channelId: 'msteams', userId: `29:${DEMO.northwind.adminAad}` },
    details: { service: 'teams', contactName: 'Emily Chen', contactEmail: DEMO.northwind.admin, contactPhone: '13600001111' },
  });
  await store.create({
    kind: 'reseller',
    category: 'billing',
    customer: DEMO.fabrikam.id,
    title: '开具发票',
    locale: 'zh-CN',
    summary: { 'zh-CN': '开具发票', en: 'Issue fapiao' },
    details: {},
  });
}

describe('npm run tickets (the reseller console)', function () {
  this.timeout(120_000);

  it('parses its arguments strictly', () => {
    expect(parseTicketArgs(['list', '--json'])).to.deep.equal({ action: 'list', json: true });
    expect(parseTicketArgs(['update', 'T-1001', '--status', 'resolved', '--note', 'done, thanks'])).to.deep.include({
      id: 'T-1001',
      status: 'resolved',
      note: 'done, thanks',
    });
    expect(parseTicketArgs(['escalate', '--severity', 'a', 'T-1001'])).to.deep.include({ id: 'T-1001', severity: 'A' });
    expect(() => parseTicketArgs(['update', 'T-1001', '--status', 'done'])).to.throw(BadInputError, /Unknown status "done"/);
    expect(() => parseTicketArgs(['update', 'T-1001'])).to.throw(BadInputError, /--status and\/or --note/);
    expect(() => parseTicketArgs(['update', 'T-1001', '--note', 'two', 'words'])).to.throw(BadInputError, /quote a note/);
    expect(() => parseTicketArgs(['delete', 'T-1001'])).to.throw(BadInputError, /usage/);
    expect(() => parseTicketArgs(['escalate', 'T-1001', '--severity', 'D'])).to.throw(BadInputError, /A, B or C/);
    expect(() => parseTicketArgs(['list', '--frobnicate'])).to.throw(BadInputError, /Unknown option '--frobnicate'/);
    expect(() => parseTicketArgs(['update', 'T-1001', '--note'])).to.throw(BadInputError, /--note <value>/);
  });

  describe('with no bot running: it works on the store, and the next bot to start tells the customers', () => {
    let dir: Awaited<ReturnType<typeof makeTempDir>>;
    beforeEach(async () => {
      dir = await makeTempDir('console-');
      await seed(dir.path);
    });
    afterEach(() => dir.remove());

    it('list --json keeps the output contract; update and escalate change the files and queue the customer notice', async () => {
      const env = { DATA_DIR: dir.path };
      const listed = await tickets(['list', '--json'], env);
      expect(listed.code, listed.stderr).to.equal(0);
      const all = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
      expect(all.map((t) => [t.id, t.kind, t.status, t.customer])).to.deep.equal([
        ['T-1001', 'reseller', 'open', 'c-northwind'],
        ['T-1002', 'reseller', 'open', 'c-fabrikam'],
      ]);
      for (const t of all) expect(t).to.include.all.keys('id', 'kind', 'status', 'customer', 'title', 'createdAt');

      const updated = await tickets(['update', 'T-1001', '--status', 'waiting_on_customer', '--note', 'Please send a screenshot'], env);
      expect(updated.code, updated.stderr).to.equal(0);
      expect(JSON.parse(updated.stdout)).to.deep.include({ id: 'T-1001', status: 'waiting_on_customer' });

      const escalated = await tickets(['escalate', 'T-1001', '--severity', 'A'], env);
      expect(escalated.code, escalated.stderr).to.equal(0);
      const result = JSON.parse(escalated.stdout) as { reseller: Ticket; serviceRequest: Ticket; state: string };
      expect(result.state).to.equal('manual'); // no Partner Center configured: the reseller files it
      expect(result.reseller).to.deep.include({ id: 'T-1001', status: 'escalated' });
      expect(result.reseller.links).to.deep.equal({ escalatedTo: 'T-1003' });
      expect(result.serviceRequest).to.deep.include({ id: 'T-1003', kind: '21vianet', customer: 'c-northwind' });
      expect(result.serviceRequest.links).to.deep.equal({ escalatedFrom: 'T-1001' });
      expect(result.serviceRequest.details).to.deep.include({
        severity: 'A',
        service: 'teams',
        contactEmail: DEMO.northwind.admin,
        tenantId: DEMO.northwind.tenantId,
        resellerTicketId: 'T-1001',
      });

      const again = await tickets(['escalate', 'T-1001'], env);
      expect(again.code).to.equal(1);
      expect(again.stderr).to.include('already escalated as T-1003');
      const closed = await tickets(['update', 'T-1002', '--status', 'closed'], env);
      expect(closed.code, closed.stderr).to.equal(0);
      const bad = await tickets(['update', 'T-1002', '--status', 'escalated'], env);
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.include('T-1002 is closed: it can go to open, not escalated');

      const shown = JSON.parse((await tickets(['show', 'T-1003'], env)).stdout) as { outbox: { state: string } };
      expect(shown.outbox.state).to.equal('manual');

      // Both status changes of T-1001 wait for the bot to tell Emily; T-1002 has no requester.
      const { outbox } = await openStorage({ storage: 'file', dataDir: dir.path });
      const pending = (await outbox.read(['notifications/pending']))['notifications/pending'] as {
        items: Array<{ ticketId: string; note?: string }>;
      };
      expect(pending.items.map((i) => [i.ticketId, i.note])).to.deep.equal([
        ['T-1001', 'Please send a screenshot'],
        ['T-1001', 'Escalated to 21Vianet as T-1003'],
      ]);
      expect((await new ServiceRequestOutbox(outbox).list()).map((e) => [e.ticketId, e.state])).to.deep.equal([['T-1003', 'manual']]);

      // The bot sends them when it starts, and the queue is then empty.
      const lines: string[] = [];
      const app = await startApp({
        config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }),
        logger: createLogger('info', (l) => lines.push(l)),
        recognizer: new FakeRecognizer(),
      });
      await app.stop();
      expect(lines.join('\n')).to.include('"event":"queued_notifications_sent","count":2');
      expect(((await outbox.read(['notifications/pending']))['notifications/pending'] as { items: unknown[] }).items).to.deep.equal([]);
    });

    it('a hostile title or note never reaches the terminal as control sequences (ESC, OSC 52, BEL, C1, U+202E)', async () => {
      const hostile = 'Help \u001b[2J\u001b[H\u001b]52;c;cm0gLXJm\u0007 \u009b32mT-9999 resolved \u202Eexe.pdf';
      const stores = await openStorage({ storage: 'file', dataDir: dir.path });
      const store = stores.tickets;
      const created = await store.create({
        kind: 'reseller',
        category: 'handoff',
        title: hostile,
        locale: 'en',
        summary: { 'zh-CN': hostile, en: hostile },
        details: {},
      });
      await store.update(created.id, { by: 'customer', note: `line one\n${hostile}` });
      const stored = (await store.get(created.id))!;
      expect(stored.title).to.not.match(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
      expect(stored.history.at(-1)!.note).to.equal(`line one\nHelp [2J[H]52;c;cm0gLXJm 32mT-9999 resolved exe.pdf`);
      // An older ticket written before titles were cleaned still prints safely.
      const raw = (await stores.store.read(['tickets/T-1001']))['tickets/T-1001']!;
      await stores.store.write({ 'tickets/T-1001': { ...raw, title: hostile } });
      for (const args of [['list'], ['list', '--json'], ['show', 'T-1001'], ['show', created.id]]) {
        const out = await tickets(args, { DATA_DIR: dir.path });
        expect(out.code, out.stderr).to.equal(0);
        expect(out.stdout, args.join(' ')).to.not.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
      }
      expect((await tickets(['list'], { DATA_DIR: dir.path })).stdout).to.include('\\u{1B}[2J');
    });

    it('unknown tickets and bad arguments exit 1 with a message, not a stack trace', async () => {
      const missing = await tickets(['show', 'T-9999'], { DATA_DIR: dir.path });
      expect(missing.code).to.equal(1);
      expect(missing.stderr)
        .to.include('No ticket T-9999')
        .and.not.match(/\n\s+at /);
      const usage = await tickets(['frobnicate'], { DATA_DIR: dir.path });
      expect(usage.code).to.equal(2);
      expect(usage.stderr).to.include('usage: npm run --silent tickets');
    });
  });

  describe('with the bot running on the same DATA_DIR: the console writes the store, the bot tells the customer and submits', () => {
    let dir: Awaited<ReturnType<typeof makeTempDir>>;
    let app: RunningApp;
    let pc: FakePartnerCenter;
    let lines: string[];
    let env: Record<string, string>;

    beforeEach(async () => {
      dir = await makeTempDir('console-bot-');
      await seed(dir.path);
      pc = new FakePartnerCenter();
      await pc.start();
      lines = [];
      const pcEnv = {
        PARTNER_CENTER_ENDPOINT: pc.url,
        PARTNER_CENTER_AUTHORITY_HOST: pc.url,
        PARTNER_CENTER_TENANT_ID: 'partner.partner.onmschina.cn',
        PARTNER_CENTER_CLIENT_ID: 'app-id',
        PARTNER_CENTER_CLIENT_SECRET: 'app-secret',
        PARTNER_CENTER_REFRESH_TOKEN: 'rt-initial',
      };
      app = await startApp({
        config: loadConfig({ DATA_DIR: dir.path, PORT: '0', ...pcEnv }),
        logger: createLogger('info', (l) => lines.push(l)),
        recognizer: new FakeRecognizer(),
        pollMs: { queuedNotices: 50, outbox: 50 },
      });
      env = { DATA_DIR: dir.path, ...pcEnv };
    });
    afterEach(async () => {
      await app.stop();
      await pc.close();
      await dir.remove();
    });

    it('update and escalate land at once; the running bot tells the customer and submits the escalation to Partner Center', async () => {
      const updated = await tickets(['update', 'T-1001', '--status', 'waiting_on_customer', '--note', 'Please send a screenshot'], env);
      expect(updated.code, updated.stderr).to.equal(0);
      expect(JSON.parse(updated.stdout)).to.deep.include({ id: 'T-1001', status: 'waiting_on_customer' });
      const stores = await openStorage({ storage: 'file', dataDir: dir.path });
      while (!lines.join('\n').includes('"event":"queued_notifications_sent","count":1')) await new Promise((r) => setTimeout(r, 20));

      const escalated = await tickets(['escalate', 'T-1001', '--note', 'Calls drop for every user'], env);
      expect(escalated.code, escalated.stderr).to.equal(0);
      expect(JSON.parse(escalated.stdout)).to.deep.include({ state: 'pending' });
      while (!(await stores.tickets.get('T-1003'))?.links?.partnerCenterId) await new Promise((r) => setTimeout(r, 20));
      expect(pc.created.size).to.equal(1);
      expect(JSON.parse(pc.posts[0]!.body)).to.deep.include({ Severity: 'moderate', SupportTopicId: '32444672' });

      const shown = await tickets(['show', 'T-1003'], env);
      expect(JSON.parse(shown.stdout)).to.deep.nested.include({
        'ticket.links.escalatedFrom': 'T-1001',
        'outbox.state': 'submitted',
        'outbox.partnerCenterId': '616122292874576',
      });
      const listed = JSON.parse((await tickets(['list', '--json'], env)).stdout) as Ticket[];
      expect(listed.map((t) => [t.id, t.status])).to.deep.equal([
        ['T-1001', 'escalated'],
        ['T-1002', 'open'],
        ['T-1003', 'escalated'],
      ]);
    });

    it('a change the lifecycle refuses is refused while the bot runs too, and nothing changes', async () => {
      expect((await tickets(['update', 'T-1002', '--status', 'closed'], env)).code).to.equal(0);
      const bad = await tickets(['update', 'T-1002', '--status', 'escalated'], env);
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.include('T-1002 is closed: it can go to open, not escalated');
      expect((await (await openStorage({ storage: 'file', dataDir: dir.path })).tickets.get('T-1002'))?.status).to.equal('closed');
    });
  });
});
