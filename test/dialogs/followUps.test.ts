import { expect } from 'chai';
import type { TurnContext } from 'botbuilder';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import type { HealthIssue, HealthSource, IssueLookup, ServiceHealthReport } from '../../bot/health/types.js';
import { ArticleSearch } from '../../bot/knowledge/articleSearch.js';
import { LiveKnowledge } from '../../bot/knowledge/liveKnowledge.js';
import { loadKnowledge } from '../../bot/knowledge/loadKnowledge.js';
import { messages } from '../../bot/i18n/messages.js';
import { FollowUps, type FollowUp } from '../../dialogs/followUps.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { DocumentTicketStore } from '../../bot/tickets/documentTicketStore.js';
import type { Ticket } from '../../bot/tickets/types.js';
import { demoDataDir } from '../support/demoDataDir.js';

const NOW = new Date('2026-12-04T02:00:00Z');
const INCIDENT: HealthIssue = {
  id: 'EX1',
  service: 'exchange',
  classification: 'incident',
  status: 'serviceDegradation',
  title: 'Mail delays',
  impact: 'External mail arrives up to an hour late.',
  startTime: '2026-12-04T01:00:00Z',
  lastUpdate: '2026-12-04T01:30:00Z',
  resolved: false,
  origin: 'reseller',
};

/** Our own health port with one Exchange incident; Teams is fine. */
const health: HealthSource = {
  async check(services): Promise<ServiceHealthReport[]> {
    return services.map((service) => ({
      service,
      status: service === 'exchange' ? 'serviceDegradation' : 'serviceOperational',
      issues: service === 'exchange' ? [INCIDENT] : [],
    }));
  },
  async issue(id): Promise<IssueLookup> {
    return id === INCIDENT.id ? { kind: 'found', issue: INCIDENT } : { kind: 'gone' };
  },
};

describe('FollowUps: a short follow-up answered from the last thing shown', function () {
  this.timeout(20_000);
  let followUps: FollowUps;
  let remove: () => Promise<void>;
  let ticket: Ticket;
  let deps: ConstructorParameters<typeof FollowUps>[0];
  const turn = {} as TurnContext;
  const said = (f: FollowUp | undefined) =>
    f?.kind === 'say' ? f.text : f?.kind === 'passage' ? f.section.text : `(${f?.kind ?? 'nothing'})`;

  before(async () => {
    const kb = await loadKnowledge('knowledge/articles');
    const data = await demoDataDir('followups-');
    remove = () => data.temp.remove();
    const tickets = new DocumentTicketStore(new FileStore(`${data.temp.path}/store`), () => NOW);
    ticket = await tickets.create({
      kind: 'reseller',
      locale: 'zh-CN',
      category: 'billing',
      customer: DEMO.northwind.id,
      title: '发票: INV-202611-0202',
      summary: { 'zh-CN': '开票', en: 'Fapiao' },
      details: { request: 'fapiao', invoice: 'INV-202611-0202' },
    });
    deps = {
      articles: new LiveKnowledge('knowledge/articles', new ArticleSearch(kb.articles)),
      directory: data.directory,
      health,
      tickets,
      now: () => NOW,
    };
    followUps = new FollowUps(deps);
  });
  after(() => remove());

  it('after an article: the passage that answers, in either language; a question of its own is not one', async () => {
    const dns = { kind: 'article', id: 'config/dns-records' } as const;
    expect(said(await followUps.read(dns, 'how soon does the change take effect?', 'en', turn))).to.match(/15 minutes/);
    expect(said(await followUps.read(dns, '我们域名已经有一条 spf 了，还能再加一条吗', 'zh-CN', turn))).to.match(/只能有一条 SPF/);
    expect(await followUps.read(dns, 'how do I reset my password', 'en', turn)).to.equal(undefined);
    expect(await followUps.read(dns, 'what is the weather today', 'en', turn)).to.equal(undefined);
    // A question that asks for one kind of fact gets the passage that states it: a value, a reason, a window.
    expect(said(await followUps.read(dns, 'what should the autodiscover record be', 'en', turn))).to.include(
      'autodiscover.partner.outlook.cn',
    );
    const sharing = { kind: 'article', id: 'config/sharepoint-external-sharing' } as const;
    expect(said(await followUps.read(sharing, 'why is it off by default?', 'en', turn))).to.match(/because/);
    const refunds = { kind: 'article', id: 'billing/refunds' } as const;
    expect(said(await followUps.read(refunds, 'how long do we have to ask?', 'en', turn))).to.match(/cancellation window/);
    // "OK, reduce them" after the refunds article is the change itself.
    expect(await followUps.read(refunds, 'ok please reduce them', 'en', turn)).to.deep.equal({ kind: 'route', intent: 'subscription' });
    // Another article that answers clearly better makes it a new question ("can people on global Teams join?").
    expect(
      await followUps.read({ kind: 'article', id: 'howto/mobile-apps' }, 'can people on global teams join our meetings?', 'en', turn),
    ).to.equal(undefined);
    // A phone brand is the sibling answer: Android.
    const phone = await followUps.read({ kind: 'article', id: 'howto/mobile-apps' }, '华为手机呢', 'zh-CN', turn);
    expect(phone?.kind).to.equal('passage');
    expect(said(phone)).to.match(/安卓|应用市场/);
  });

  it('after an invoice: when it is due, what a line is for, the one before, and a fapiao goes to billing', async () => {
    const fabrikam = DEMO.fabrikam.id;
    const nov = { kind: 'invoice', customerId: fabrikam, number: 'INV-202611-0101' } as const;
    expect(said(await followUps.read(nov, 'when do we have to pay it?', 'en', turn))).to.equal(
      messages('en').followUp.due(
        {
          number: 'INV-202611-0101',
          customerId: fabrikam,
          period: '2026-11',
          amountCny: 7088,
          status: 'unpaid',
          dueDate: '2026-12-15',
          lines: [],
          fapiao: 'not_requested',
        },
        '2026-12-04',
      ),
    );
    const oct = { ...nov, number: 'INV-202610-0101' };
    expect(said(await followUps.read(oct, '那个 475 是什么钱', 'zh-CN', turn)))
      .to.match(/475/)
      .and.match(/按天/)
      .and.match(/16/);
    expect(said(await followUps.read(oct, 'what is the 999 for?', 'en', turn))).to.match(/can't find a line of 999/);
    const before = await followUps.read(nov, 'and the one before that?', 'en', turn);
    expect(said(before)).to.include('INV-202610-0101');
    expect(before?.kind === 'say' && before.focus).to.deep.equal(oct);
    expect(await followUps.read(nov, 'can I get a fapiao for that one', 'en', turn)).to.deep.equal({ kind: 'route', intent: 'billing' });
    // "Pay" names the payment topic, but "when" asks for the date.
    expect(said(await followUps.read(nov, 'when do i gotta pay by', 'en', turn))).to.match(/Dec 15, 2026/);
    expect(said(await followUps.read(nov, '最晚哪天得交', 'zh-CN', turn))).to.match(/2026年12月15日/);
    expect(await followUps.read(nov, 'how do we pay it?', 'en', turn)).to.deep.equal({ kind: 'route', intent: 'billing' });
    // What happens when paying late is the payment article's, whichever invoice is shown.
    const late = await followUps.read(nov, '一直拖着不付会停我们的服务不', 'zh-CN', turn);
    expect(late?.kind === 'passage' && late.articleId).to.equal('billing/payment-methods');
    expect(await followUps.read(nov, 'tell me a joke', 'en', turn)).to.equal(undefined);
  });

  it('after a subscription: its term and price; a change goes to the subscription dialog', async () => {
    const trial = { kind: 'subscription', customerId: DEMO.northwind.id, id: 'sub-nw-e5t', article: 'subscription/trial' } as const;
    expect(said(await followUps.read(trial, '还剩几天', 'zh-CN', turn)))
      .to.match(/2026年12月10日/)
      .and.match(/还剩 6 天/);
    expect(await followUps.read(trial, '那还是转正式吧', 'zh-CN', turn)).to.deep.equal({ kind: 'route', intent: 'subscription' });
    expect(said(await followUps.read(trial, 'how much is it?', 'en', turn))).to.match(/per license per month/);
    expect(said(await followUps.read(trial, '续的时候价钱还一样吗', 'zh-CN', turn))).to.match(/每个许可证每月/);
  });

  it('after an incident: no estimate yet, its impact, another service, and being told when it is fixed', async () => {
    const incident = { kind: 'incident', id: 'EX1' } as const;
    expect(said(await followUps.read(incident, 'how long until it is fixed?', 'en', turn))).to.match(/no estimated fix time/);
    expect(said(await followUps.read(incident, 'any update?', 'en', turn))).to.match(/Latest update/);
    expect(said(await followUps.read(incident, '有进展吗', 'zh-CN', turn))).to.equal(messages('zh-CN').followUp.eta(INCIDENT));
    expect(said(await followUps.read(incident, '影响大吗，哪些人受影响', 'zh-CN', turn))).to.include(
      'External mail arrives up to an hour late.',
    );
    expect(said(await followUps.read(incident, 'does it affect teams too?', 'en', turn))).to.match(/Microsoft Teams is operating normally/);
    expect(said(await followUps.read(incident, 'how long has that been going on', 'en', turn))).to.match(/^"Mail delays" started on/);
    expect(await followUps.read(incident, 'ok let me know when it is fixed', 'en', turn)).to.deep.equal({
      kind: 'route',
      intent: 'service_health',
    });
    expect(said(await followUps.read(incident, '不用通知我了', 'zh-CN', turn))).to.equal(messages('zh-CN').health.notifyDeclined);
  });

  it('after a healthy status report: another service named is checked, without "too"', async () => {
    const report = { kind: 'health', services: ['teams'] } as const;
    const email = await followUps.read(report, 'what about email?', 'en', turn);
    expect(said(email))
      .to.match(/^Exchange Online has 1 active issue/)
      .and.not.match(/too/);
    expect(email?.kind === 'say' && email.focus).to.deep.equal({ kind: 'health', services: ['exchange'] });
    expect(said(await followUps.read(report, '那 sharepoint 呢', 'zh-CN', turn))).to.match(/SharePoint Online 运行正常/);
    // The service just reported on, or none at all, is not a follow-up of this kind.
    expect(await followUps.read(report, 'and teams?', 'en', turn)).to.equal(undefined);
    expect(await followUps.read(report, 'thanks', 'en', turn)).to.equal(undefined);
  });

  it('after a ticket was opened: "how long will it take" shows it and when the team works on it', async () => {
    const focus = { kind: 'ticket', id: ticket.id } as const;
    // 2026-12-04 02:00 UTC is a Friday, 10:00 in Beijing: the team is at work.
    const answer = said(await followUps.read(focus, '这个单子大概多久办好', 'zh-CN', turn));
    expect(answer).to.include(ticket.id).and.include('处理中').and.include('周一至周五 09:00–18:00').and.not.include('现在不在工作时间');
    expect(said(await followUps.read(focus, 'how long will this take?', 'en', turn)))
      .to.include(ticket.id)
      .and.match(/support team/);
    expect(await followUps.read(focus, 'thanks!', 'en', turn)).to.equal(undefined);
    // On a Saturday the customer is told when the team is back.
    const weekend = new FollowUps({ ...deps, now: () => new Date('2026-12-05T04:00:00Z') });
    expect(said(await weekend.read(focus, '啥时候能有人处理', 'zh-CN', turn))).to.match(/现在不在工作时间，北京时间12月7日周一 09:00起/);
    // A ticket this store does not have: the ticket status dialog looks it up.
    expect(await followUps.read({ kind: 'ticket', id: 'T-9999' }, 'any news?', 'en', turn)).to.deep.equal({
      kind: 'route',
      intent: 'ticket_status',
    });
  });

  it('"just do it for us" after an article: our set-up task, else a person', async () => {
    const doIt = '直接帮我开吧';
    expect(await followUps.read({ kind: 'article', id: 'account/sign-up' }, doIt, 'zh-CN', turn)).to.deep.equal({
      kind: 'route',
      intent: 'account_setup',
    });
    expect(await followUps.read({ kind: 'article', id: 'subscription/trial' }, doIt, 'zh-CN', turn)).to.deep.equal({
      kind: 'route',
      intent: 'escalate_human',
    });
    expect(await followUps.read({ kind: 'article', id: 'performance/sla' }, 'can you sort it for us', 'en', turn)).to.deep.equal({
      kind: 'route',
      intent: 'escalate_human',
    });
  });

  it('「那手机上呢」 after an article on a product: the question with that product, when another article answers it', () => {
    expect(followUps.sibling('howto/outlook-setup', '那手机上呢', 'zh-CN')).to.match(/^那手机上呢 Outlook$/);
    expect(followUps.sibling('howto/outlook-setup', 'and on my iphone?', 'en')).to.include('Outlook');
    // Nothing else answers the cost of the Office apps surely, and an article about no product gives no words to add.
    expect(followUps.sibling('howto/install-office', 'does that cost extra', 'en')).to.equal(undefined);
    expect(followUps.sibling('billing/fapiao', '那专票呢', 'zh-CN')).to.equal(undefined);
  });
});
