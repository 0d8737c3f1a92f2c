import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { FakePartnerCenter } from '../support/fakePartnerCenter.js';
import { escalationHarness, joinedTexts, teams, texts, type EscalationHarness } from '../support/escalationHarness.js';

const northwind = teams(DEMO.northwind.tenantId, DEMO.northwind.adminAad, 'Emily Chen');
const fabrikam = teams(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad, '王磊');

function buttons(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((r) =>
    (r.attachments ?? []).flatMap((a) => ((a.content as { actions?: Array<{ title: string }> }).actions ?? []).map((x) => x.title)),
  );
}

describe('ReportProblemDialog (tier 2: a service request to 21Vianet)', () => {
  let h: EscalationHarness;
  let pc: FakePartnerCenter;
  beforeEach(async () => {
    pc = new FakePartnerCenter();
    await pc.start();
  });
  afterEach(async () => {
    await h.remove();
    await pc.close();
  });

  it('en: prefills service and contact, explains severity, re-asks with hints, confirms and submits via Partner Center (201)', async () => {
    h = await escalationHarness({ partnerCenter: pc.config() });
    const r = messages('en').escalation.report;
    const first = await h.say('I want to report a problem with Teams', northwind);
    expect(texts(first)).to.deep.equal([r.intro, r.askSeverity]);
    expect(r.askSeverity).to.include('A – Critical').and.include('around the clock').and.include('C – Low');
    expect(buttons(first)).to.deep.equal(['A – Critical', 'B – High', 'C – Low']);
    // An unusable answer gets the hint and the question again, with its buttons.
    const again = await h.say('maybe', northwind);
    expect(texts(again)).to.deep.equal([r.severityHint, r.askSeverity]);
    expect(buttons(again)).to.deep.equal(['A – Critical', 'B – High', 'C – Low']);
    expect(texts(await h.say('B – High', northwind))).to.deep.equal([r.askTitle]);
    expect(texts(await h.say('hi', northwind))).to.deep.equal([r.titleHint, r.askTitle]);
    expect(texts(await h.say('Teams meetings drop after 5 minutes', northwind))).to.deep.equal([r.askDescription]);
    const startedAsk = await h.say('Every meeting drops after about five minutes for all 12 users since this morning.', northwind);
    expect(texts(startedAsk)).to.deep.equal([r.askStartedAt]);
    expect(buttons(startedAsk)).to.deep.equal(['Skip']);
    expect(texts(await h.say('today 9:30', northwind))).to.deep.equal([r.askCorrelationId]);
    const confirm = joinedTexts(await h.say('Skip', northwind));
    expect(confirm)
      .to.include('Title: Teams meetings drop after 5 minutes')
      .and.include('Service: Microsoft Teams')
      .and.include('Severity: B – High')
      .and.include('Started: ')
      .and.include('09:30')
      .and.include('Contact: Emily Chen, emily.chen@northwind.cn, 13600001111')
      .and.include('Preferred language: English');
    expect(confirm).to.not.include('Subscription ID');

    const done = texts(await h.say('yes', northwind));
    expect(done).to.deep.equal([r.submitted('T-1001', '616122292874576')]);
    const ticket = (await h.files.get('T-1001'))!;
    expect(ticket).to.deep.include({
      kind: '21vianet',
      category: 'service_request',
      customer: 'c-northwind',
      status: 'escalated',
      title: 'Teams meetings drop after 5 minutes',
    });
    expect(ticket.links?.partnerCenterId).to.equal('616122292874576');
    expect(ticket.details).to.deep.include({
      service: 'teams',
      severity: 'B',
      tenantId: DEMO.northwind.tenantId,
      startedAt: '2026-11-23T01:30:00.000Z',
      preferredLanguage: 'en',
    });
    expect(ticket.summary['zh-CN']).to.include('严重级别：B 级 – 高');
    const sent = JSON.parse(pc.posts[0]!.body) as Record<string, string>;
    expect(sent).to.deep.include({ Severity: 'moderate', SupportTopicId: '32444672', Title: 'Teams meetings drop after 5 minutes' });
    expect(sent.Description).to.include('Problem started: 2026-11-23T01:30:00.000Z').and.include('Reseller reference: T-1001');
  });

  it('zh-CN: service buttons from subscriptions, Azure asks for the subscription id, a Partner Center outage told honestly', async () => {
    h = await escalationHarness({ partnerCenter: pc.config() });
    for (let i = 0; i < 3; i++) pc.faults.push({ status: 500 });
    const r = messages('zh-CN').escalation.report;
    const first = await h.say('我要向世纪互联报告问题', fabrikam);
    expect(texts(first)).to.deep.equal([r.intro, r.askService]);
    expect(buttons(first)).to.include('Azure 虚拟机').and.include('Microsoft Teams').and.include(r.otherService);
    expect(texts(await h.say('不知道', fabrikam))).to.deep.equal([r.serviceHint, r.askService]);
    expect(texts(await h.say('Azure 虚拟机', fabrikam))).to.deep.equal([r.askSeverity]);
    expect(texts(await h.say('A', fabrikam))).to.deep.equal([r.askTitle]);
    expect(texts(await h.say('生产虚拟机无法启动', fabrikam))).to.deep.equal([r.askDescription]);
    expect(texts(await h.say('太短', fabrikam))).to.deep.equal([r.descriptionHint, r.askDescription]);
    expect(texts(await h.say('生产环境的三台虚拟机从昨晚开始无法启动，门户显示分配失败', fabrikam))).to.deep.equal([r.askStartedAt]);
    expect(texts(await h.say('昨晚', fabrikam))).to.deep.equal([r.askCorrelationId]);
    expect(texts(await h.say('跳过', fabrikam))).to.deep.equal([r.askSubscriptionId]);
    const confirm = joinedTexts(await h.say('1B4E28BA-2FA1-11D2-883F-0016D3CCA427', fabrikam));
    expect(confirm)
      .to.include('服务：Azure 虚拟机')
      .and.include('严重级别：A 级 – 严重')
      .and.include('订阅 ID：1b4e28ba-2fa1-11d2-883f-0016d3cca427')
      .and.include('联系人：王磊，wang.lei@fabrikam.cn，13812345678')
      .and.include('首选语言：中文');

    expect(texts(await h.say('确认', fabrikam))).to.deep.equal([r.queued('T-1001')]);
    const entry = (await h.outbox.get('T-1001'))!;
    expect(entry).to.deep.include({ state: 'pending', attempts: 3, lastError: 'http_500' });
    expect(new Set(pc.posts.map((p) => p.headers['ms-requestid']))).to.deep.equal(new Set([entry.requestId]));
    expect(pc.posts[0]!.path).to.equal('/v1/servicerequests/zh-CN');
    expect((await h.files.get('T-1001'))!.status).to.equal('open');

    // Partner Center is back: the background drain submits it and the customer is told, in Chinese too.
    h.clock.now = new Date(Date.parse(entry.nextAttemptAt) + 1);
    await h.submitter!.drain();
    expect((await h.files.get('T-1001'))!.links?.partnerCenterId).to.equal('616122292874576');
    expect(h.notifier.sent.map((s) => s.text['zh-CN'])).to.deep.equal([r.laterSubmitted('T-1001', '616122292874576')]);
    expect(pc.created.size).to.equal(1);
  });

  it('without Partner Center the request is stored for the reseller to file', async () => {
    h = await escalationHarness();
    const r = messages('en').escalation.report;
    await h.say('report a problem with exchange', northwind);
    await h.say('C', northwind);
    await h.say('Shared mailbox permissions', northwind);
    await h.say('A new colleague cannot open the shared sales mailbox although she was added yesterday.', northwind);
    await h.say('skip', northwind);
    await h.say('skip', northwind);
    expect(texts(await h.say('yes', northwind))).to.deep.equal([r.manual('T-1001', h.directory.reseller())]);
    expect((await h.outbox.get('T-1001'))?.state).to.equal('manual');
    expect(pc.posts).to.have.length(0);
  });

  it('declining sends nothing, and three unusable titles give up without a ticket', async () => {
    h = await escalationHarness({ partnerCenter: pc.config() });
    const r = messages('en').escalation.report;
    await h.say('report a problem with exchange', northwind);
    await h.say('C', northwind);
    expect(texts(await h.say('hm', northwind))).to.deep.equal([r.titleHint, r.askTitle]);
    await h.say('ab', northwind);
    expect(texts(await h.say('x', northwind))).to.deep.equal([messages('en').customer.giveUp]);
    expect(await h.files.list()).to.deep.equal([]);

    await h.say('report a problem with exchange', northwind);
    for (const answer of [
      'C',
      'Shared mailbox permissions',
      'A new colleague cannot open the shared sales mailbox at all.',
      'skip',
      'skip',
    ])
      await h.say(answer, northwind);
    expect(texts(await h.say('no', northwind))).to.deep.equal([r.declined]);
    expect(await h.files.list()).to.deep.equal([]);
    expect(pc.posts).to.have.length(0);
  });

  it('asks a Web Chat visitor to identify first', async () => {
    h = await escalationHarness();
    expect(texts(await h.say('report a problem'))).to.deep.equal([messages('en').customer.identify.askDomain]);
  });
});
