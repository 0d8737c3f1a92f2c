import { expect } from 'chai';
import { join } from 'node:path';
import { Escalator } from '../../../bot/escalation/escalator.js';
import type { ServiceRequestDraft } from '../../../bot/escalation/serviceRequest.js';
import { ServiceRequestOutbox } from '../../../bot/escalation/serviceRequestOutbox.js';
import { ServiceRequestSubmitter } from '../../../bot/escalation/serviceRequestSubmitter.js';
import { createLogger } from '../../../bot/log.js';
import { messages } from '../../../bot/i18n/messages.js';
import { PartnerCenterClient } from '../../../bot/partnerCenter/partnerCenterClient.js';
import type { RetryOptions } from '../../../bot/retry.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { DocumentTicketStore } from '../../../bot/tickets/documentTicketStore.js';
import { FakeNotifier } from '../../support/fakeNotifier.js';
import { FakePartnerCenter } from '../../support/fakePartnerCenter.js';
import { makeTempDir } from '../../support/tempDir.js';

const draft: ServiceRequestDraft = {
  title: 'Teams meetings drop after 5 minutes',
  description: 'Since this morning every Teams meeting drops after about five minutes for all users.',
  service: 'teams',
  severity: 'B',
  contactName: 'Emily Chen',
  contactEmail: 'emily.chen@northwind.cn',
  contactPhone: '13600001111',
  preferredLanguage: 'en',
  tenantId: '6f1c0a3e-2b7d-4c1e-9a0b-000000000002',
};
const requester = { channelId: 'msteams', userId: '29:emily' };

describe('ServiceRequestSubmitter and the outbox (DocumentStore on DATA_DIR/outbox)', () => {
  let pc: FakePartnerCenter;
  let dir: { path: string; remove: () => Promise<void> };
  let store: FileStore;
  let clock: number;
  let lines: string[];

  const open = async () => {
    store = new FileStore(join(dir.path, 'outbox'));
    const tickets = new DocumentTicketStore(new FileStore(join(dir.path, 'tickets')), () => new Date(clock));
    const outbox = new ServiceRequestOutbox(store);
    const notifier = new FakeNotifier();
    const retry: Partial<RetryOptions> = { sleep: async (ms) => void (clock += ms), now: () => clock, random: () => 0.5 };
    const submitter = new ServiceRequestSubmitter({
      outbox,
      tickets,
      api: new PartnerCenterClient(pc.config({ timeoutMs: 300 }), undefined, () => clock),
      logger: createLogger('info', (l) => lines.push(l)),
      notifier,
      retry,
    });
    const escalator = new Escalator({ tickets, outbox, submits: true, now: () => new Date(clock) });
    return { tickets, outbox, notifier, submitter, escalator };
  };

  beforeEach(async () => {
    pc = new FakePartnerCenter();
    await pc.start();
    dir = await makeTempDir('outbox-');
    clock = Date.parse('2026-11-23T08:00:00Z');
    lines = [];
  });
  afterEach(async () => {
    await pc.close();
    await dir.remove();
  });

  it('201: the Partner Center id is kept beside the local ticket id and the ticket is escalated', async () => {
    const { escalator, submitter, tickets, outbox, notifier } = await open();
    const { ticket, state } = await escalator.report(draft, { customer: 'c-northwind', locale: 'en', requester });
    expect(state).to.equal('pending');
    const outcome = await submitter.submitNow(ticket.id);
    expect(outcome).to.deep.equal({ kind: 'submitted', partnerCenterId: '616122292874576' });
    const stored = (await tickets.get(ticket.id))!;
    expect(stored.kind).to.equal('21vianet');
    expect(stored.status).to.equal('escalated');
    expect(stored.links?.partnerCenterId).to.equal('616122292874576');
    expect(stored.requester).to.deep.equal(requester);
    expect((await outbox.get(ticket.id))?.state).to.equal('submitted');
    // Told in the turn itself, so no proactive message.
    expect(notifier.sent).to.deep.equal([]);
    expect(lines.join('\n')).to.not.include(draft.description);
  });

  it('500s: stays in the outbox, survives a restart with its MS-RequestId; a later drain submits it once, tells the customer', async () => {
    let s = await open();
    for (let i = 0; i < 3; i++) pc.faults.push({ status: 500 });
    const { ticket } = await s.escalator.report(draft, { customer: 'c-northwind', locale: 'en', requester });
    expect(await s.submitter.submitNow(ticket.id)).to.deep.equal({ kind: 'queued' });
    const queued = (await s.outbox.get(ticket.id))!;
    expect(queued).to.deep.include({ state: 'pending', attempts: 3, lastError: 'http_500' });
    expect(Date.parse(queued.nextAttemptAt)).to.be.greaterThan(clock);
    expect((await s.tickets.get(ticket.id))?.status).to.equal('open');

    // The process restarts: the entry is on disk with its idempotency key.
    await s.submitter.stop();
    s = await open();
    await s.submitter.drain();
    expect(pc.posts).to.have.length(3); // not due yet
    clock = Date.parse(queued.nextAttemptAt);
    await s.submitter.drain();
    expect((await s.outbox.get(ticket.id))?.state).to.equal('submitted');
    expect(new Set(pc.posts.map((p) => p.headers['ms-requestid']))).to.deep.equal(new Set([queued.requestId]));
    expect(pc.created.size).to.equal(1);
    expect(s.notifier.sent).to.have.length(1);
    expect(s.notifier.sent[0]!.recipient).to.deep.equal(requester);
    expect(s.notifier.sent[0]!.text.en).to.equal(messages('en').escalation.report.laterSubmitted(ticket.id, '616122292874576'));
    expect(s.notifier.sent[0]!.text['zh-CN']).to.equal(messages('zh-CN').escalation.report.laterSubmitted(ticket.id, '616122292874576'));
  });

  it('429 with Retry-After then 201 inside the turn', async () => {
    const { escalator, submitter } = await open();
    pc.faults.push({ status: 429, retryAfter: '2' });
    const before = clock;
    const { ticket } = await escalator.report(draft, { locale: 'en' });
    expect((await submitter.submitNow(ticket.id)).kind).to.equal('submitted');
    expect(clock - before).to.be.at.least(2000);
    expect(pc.created.size).to.equal(1);
  });

  it('a timeout in the turn leaves it pending; the retry gets the request the lost attempt created, not a second one', async () => {
    const { escalator, submitter, outbox } = await open();
    pc.faults.push('hang', 'hang', 'hang');
    const { ticket } = await escalator.report(draft, { locale: 'en' });
    expect((await submitter.submitNow(ticket.id)).kind).to.equal('queued');
    expect(pc.created.size).to.equal(1);
    clock = Date.parse((await outbox.get(ticket.id))!.nextAttemptAt);
    await submitter.drain();
    expect((await outbox.get(ticket.id))?.partnerCenterId).to.equal([...pc.created.values()][0]!.id);
    expect(pc.created.size).to.equal(1);
  });

  it('a refusal is final: the entry fails, the ticket says so, and a background refusal tells the customer', async () => {
    const { escalator, submitter, outbox, tickets, notifier } = await open();
    pc.faults.push({ status: 400 });
    const { ticket } = await escalator.report(draft, { locale: 'en', requester });
    clock += 1;
    await submitter.drain();
    expect((await outbox.get(ticket.id))?.state).to.equal('failed');
    expect((await tickets.get(ticket.id))!.history.at(-1)!.note).to.match(/refused .*http_400/);
    expect(notifier.sent[0]!.text.en).to.equal(messages('en').escalation.report.laterFailed(ticket.id, undefined));
    expect(pc.posts).to.have.length(1);
    await submitter.drain();
    expect(pc.posts).to.have.length(1);
  });

  it('without Partner Center the request waits for the reseller (manual) and nothing is sent', async () => {
    store = new FileStore(join(dir.path, 'outbox'));
    const tickets = new DocumentTicketStore(new FileStore(join(dir.path, 'tickets')));
    const outbox = new ServiceRequestOutbox(store);
    const { ticket, state } = await new Escalator({ tickets, outbox, submits: false }).report(draft, { locale: 'en' });
    expect(state).to.equal('manual');
    expect((await outbox.list()).map((e) => [e.ticketId, e.state])).to.deep.equal([[ticket.id, 'manual']]);
  });

  it('two instances draining one outbox at once: one request, one ticket note, one message to the customer', async () => {
    const a = await open();
    const { ticket } = await a.escalator.report(draft, { customer: 'c-northwind', locale: 'en', requester });
    // A second instance: its own submitter (own claims and queue) and notifier over the same stores.
    const notifierB = new FakeNotifier();
    const b = new ServiceRequestSubmitter({
      outbox: new ServiceRequestOutbox(store),
      tickets: a.tickets,
      api: new PartnerCenterClient(pc.config({ timeoutMs: 300 }), undefined, () => clock),
      logger: createLogger('info', (l) => lines.push(l)),
      notifier: notifierB,
      retry: { sleep: async (ms) => void (clock += ms), now: () => clock, random: () => 0.5 },
    });
    clock += 1;
    pc.createDelayMs = 100; // both drains are surely under way before the first answer comes back
    await Promise.all([a.submitter.drain(), b.drain()]);
    expect(pc.posts).to.have.length(1);
    expect(a.notifier.sent.length + notifierB.sent.length).to.equal(1);
    const notes = (await a.tickets.get(ticket.id))!.history.filter((h) => /Submitted to Partner Center/.test(h.note ?? ''));
    expect(notes).to.have.length(1);
    expect(await a.outbox.get(ticket.id))
      .to.deep.include({ state: 'submitted' })
      .and.not.have.property('claim');
  });

  it('a claim left by an instance that died runs out, and then another instance submits', async () => {
    const { escalator, submitter, outbox } = await open();
    const { ticket } = await escalator.report(draft, { locale: 'en', requester });
    clock += 1;
    expect((await outbox.claim(ticket.id, 'instance-that-died', clock, 60_000)).held).to.equal(true);
    await submitter.drain();
    expect(pc.posts).to.have.length(0);
    expect((await outbox.get(ticket.id))?.state).to.equal('pending');
    clock += 60_001;
    await submitter.drain();
    expect(pc.posts).to.have.length(1);
    expect((await outbox.get(ticket.id))?.state).to.equal('submitted');
  });

  it('stop() aborts a request in flight and keeps it pending for the next start', async () => {
    const { escalator, submitter, outbox } = await open();
    pc.faults.push('hang');
    const { ticket } = await escalator.report(draft, { locale: 'en' });
    const running = submitter.drain();
    while (pc.posts.length === 0) await new Promise((r) => setTimeout(r, 5));
    await submitter.stop();
    await running;
    expect((await outbox.get(ticket.id))?.state).to.equal('pending');
  });
});
