import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { CombinedHealthSource } from '../../bot/health/combinedHealthSource.js';
import { GraphHealthSource } from '../../bot/health/graphHealthSource.js';
import { messages } from '../../bot/i18n/messages.js';
import { SERVICE_NAMES } from '../../bot/nlu/serviceNames.js';
import { literalForCard } from '../../bot/text/literal.js';
import { healthHarness, NOW, type HealthHarness } from '../support/healthHarness.js';

const teams = (tenantId: string, aadObjectId: string, conversationType = 'personal') => ({
  channelId: 'msteams',
  channelData: { tenant: { id: tenantId } },
  from: { id: `29:${aadObjectId}`, name: 'User', aadObjectId },
  conversation: { id: `conv-${conversationType}`, name: '', conversationType, isGroup: conversationType !== 'personal', tenantId },
});

const SAY = {
  en: { named: 'Is Exchange down?', general: 'Is anything down right now?', yes: 'yes', no: 'no', next: 'still slow', junk: 'what?' },
  'zh-CN': { named: 'Exchange 是不是挂了', general: '现在服务状态怎么样', yes: '是的', no: '不用了', next: '还是不行', junk: '啥？' },
} as const;

const TITLE = 'Mail **delays** [details](http://evil.example) 邮件延迟';
const texts = (replies: Partial<Activity>[]) => replies.map((r) => r.text ?? '');
const cardOf = (replies: Partial<Activity>[]) =>
  JSON.stringify(
    replies.find((r) => r.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive' && r.text === undefined)
      ?.attachments?.[0]?.content ?? null,
  );
const buttons = (reply: Partial<Activity>) =>
  ((reply.attachments?.[0]?.content as { actions?: Array<{ title: string }> }).actions ?? []).map((a) => a.title);

for (const locale of ['en', 'zh-CN'] as const) {
  const all = messages(locale);
  const m = all.health;
  const s = SAY[locale];
  describe(`ServiceHealthDialog (${locale})`, () => {
    let h: HealthHarness;
    beforeEach(async () => (h = await healthHarness()));
    afterEach(() => h.remove());

    const openIncident = () =>
      h.health(
        'set',
        'exchange',
        'serviceDegradation',
        TITLE,
        '--impact',
        'Some users see delays of **30** minutes',
        '--start',
        '2026-11-23T08:00:00Z',
      );

    it('a named service with an incident: only its line, the card in China Standard Time, and the offer to notify', async () => {
      await openIncident();
      const replies = await h.say(s.named);
      expect(texts(replies)[0]).to.equal([m.heading({ kind: 'named' }), m.line('exchange', 'serviceDegradation')].join('\n\n'));
      const card = JSON.parse(cardOf(replies)) as { version: string };
      expect(card.version).to.equal('1.5');
      const json = cardOf(replies);
      expect(json).to.include(JSON.stringify(m.chinaTime('2026-11-23 16:00')).slice(1, -1), 'start in CST');
      expect(json).to.include(JSON.stringify(m.chinaTime('2026-11-23 16:30')).slice(1, -1), 'last update in CST');
      expect(json).to.include(JSON.stringify(literalForCard(TITLE)).slice(1, -1));
      expect(json).to.include(JSON.stringify(literalForCard('Some users see delays of **30** minutes')).slice(1, -1));
      expect(json).to.not.include('[details](http://evil.example)');
      expect(json).to.include(m.statusNames.serviceDegradation).and.include(m.incident).and.include(m.serviceName('exchange'));
      expect(texts(replies).at(-1)).to.equal(m.offerNotify);
    });

    it('accepting the offer stores a durable subscription for this user and incident', async () => {
      await openIncident();
      await h.say(s.named);
      expect(texts(await h.say(s.yes))).to.deep.equal([m.notifyConfirmed(1)]);
      expect(await h.watches.list()).to.deep.equal([
        {
          recipient: { channelId: 'test', userId: 'user1' },
          issueId: 'INC-1001',
          service: 'exchange',
          title: TITLE,
          createdAt: NOW.toISOString(),
        },
      ]);
      // Asking again about the same incident does not subscribe twice.
      await h.say(s.named);
      await h.say(s.yes);
      expect(await h.watches.list()).to.have.length(1);
    });

    it('declining the offer stores nothing', async () => {
      await openIncident();
      await h.say(s.named);
      expect(texts(await h.say(s.no))).to.deep.equal([m.notifyDeclined]);
      expect(await h.watches.list()).to.deep.equal([]);
    });

    it("an identified customer's question lists exactly their services; nobody else's", async () => {
      await h.health('set', 'azure-vm', 'serviceInterruption', 'VMs in China East 2 do not start');
      const tailspin = texts(await h.say(s.general, teams(DEMO.tailspin.tenantId, DEMO.tailspin.adminAad)))[0]!;
      const lines = tailspin.split('\n\n');
      expect(lines[0]).to.equal(m.heading({ kind: 'customer', company: '尾旋玩具（深圳）有限公司 Tailspin Toys' }));
      // Problems first, then the rest in catalogue order.
      expect(lines.slice(1)).to.deep.equal([
        m.line('azure-vm', 'serviceInterruption'),
        ...['exchange', 'sharepoint', 'onedrive', 'teams', 'azure-storage'].map((id) => m.line(id, 'serviceOperational')),
      ]);
      expect(tailspin).to.not.include(m.serviceName('office'));

      const northwind = texts(
        await h.say(s.general, {
          ...teams(DEMO.northwind.tenantId, DEMO.northwind.adminAad),
          conversation: { id: 'conv-nw', name: '', isGroup: false, conversationType: 'personal', tenantId: DEMO.northwind.tenantId },
        }),
      )[0]!;
      expect(northwind).to.include('Northwind').and.not.include('Tailspin');
      expect(northwind).to.not.include(m.serviceName('azure-vm'));
    });

    it('someone not identified asking generally gets every monitored service, without being asked who they are', async () => {
      const replies = await h.say(s.general);
      const lines = texts(replies)[0]!.split('\n\n');
      expect(lines[0]).to.equal(m.heading({ kind: 'monitored' }));
      expect(lines.slice(1, -1)).to.deep.equal(Object.keys(SERVICE_NAMES).map((id) => m.line(id, 'serviceOperational')));
      expect(lines.at(-1)).to.equal(m.allHealthy(Object.keys(SERVICE_NAMES)));
      expect(texts(replies).at(-1)).to.equal(m.offerChecks);
    });

    it('healthy: the checks one at a time (the incident check skipped), then the escalation offer starts escalate_human', async () => {
      const first = await h.say(s.named);
      expect(texts(first)).to.deep.equal([
        [m.heading({ kind: 'named' }), m.line('exchange', 'serviceOperational'), m.allHealthy(['exchange'])].join('\n\n'),
        m.offerChecks,
      ]);
      const check1 = await h.say(s.yes);
      expect(texts(check1)).to.deep.equal([
        m.check(1, 2, locale === 'en' ? 'Is it one person or everyone?' : '是一个人慢还是所有人都慢？'),
      ]);
      expect(buttons(check1[0]!)).to.deep.equal([m.checkAnswers.fixed, m.checkAnswers.next, m.talkToPerson]);
      expect(texts(await h.say(m.checkAnswers.next))).to.deep.equal([
        m.check(2, 2, locale === 'en' ? 'Check the VPN and proxy.' : '检查 VPN 和代理。'),
      ]);
      expect(texts(await h.say(s.next))).to.deep.equal([m.offerEscalation]);
      expect(texts(await h.say(s.yes))).to.deep.equal([`ESCALATION ${locale}`]);
    });

    it('healthy: "that fixed it" ends happily; "talk to a person" hands over at any check; declining the checks ends', async () => {
      await h.say(s.named);
      await h.say(s.yes);
      expect(texts(await h.say(m.checkAnswers.fixed))).to.deep.equal([m.checksFixed]);

      await h.say(s.named);
      await h.say(s.yes);
      // "what?" at a check: how to answer, and the same check again (not a new topic).
      const check1 = m.check(1, 2, locale === 'en' ? 'Is it one person or everyone?' : '是一个人慢还是所有人都慢？');
      expect(texts(await h.say(s.junk))).to.deep.equal([m.checkHint, check1]);
      expect(texts(await h.say(m.talkToPerson))).to.deep.equal([`ESCALATION ${locale}`]);

      await h.say(s.named);
      expect(texts(await h.say(s.no))).to.deep.equal([m.checksDeclined]);
      await h.say(s.named);
      await h.say(s.yes);
      await h.say(m.checkAnswers.next);
      await h.say(m.checkAnswers.next);
      expect(texts(await h.say(s.no))).to.deep.equal([m.escalationDeclined]);
    });

    it('an ended incident is not shown', async () => {
      await openIncident();
      await h.health('clear', 'exchange');
      const replies = await h.say(s.named);
      expect(texts(replies)[0]).to.include(m.line('exchange', 'serviceOperational'));
      expect(cardOf(replies)).to.equal('null');
    });
  });

  describe(`ServiceHealthDialog when a source cannot answer (${locale})`, () => {
    let h: HealthHarness;
    beforeEach(
      async () =>
        (h = await healthHarness({
          source: (embedded) =>
            new CombinedHealthSource(new GraphHealthSource({ getAll: () => Promise.reject(new Error('Graph is down')) }), embedded),
        })),
    );
    afterEach(() => h.remove());

    it('says "unknown" (never healthy) for what Graph covers, and still reports what the reseller entered', async () => {
      await h.health('set', 'azure-vm', 'investigating', 'Slow VM starts');
      const replies = await h.say(locale === 'en' ? 'is exchange or azure vm down?' : 'Exchange 和虚拟机是不是挂了');
      const text = texts(replies)[0]!;
      expect(text.split('\n\n')).to.deep.equal([
        m.heading({ kind: 'named' }),
        m.line('azure-vm', 'investigating'),
        m.line('exchange', 'unknown'),
        m.unknownNote(['exchange']),
      ]);
      expect(text).to.not.include(m.line('exchange', 'serviceOperational'));
      expect(text).to.include(locale === 'en' ? 'unknown' : '未知');
      expect(texts(replies).at(-1)).to.equal(m.offerNotify);
    });

    it('with nothing known to be wrong: unknown, then the checks offer', async () => {
      const replies = await h.say(s.named);
      expect(texts(replies)).to.deep.equal([
        [m.heading({ kind: 'named' }), m.line('exchange', 'unknown'), m.unknownNote(['exchange'])].join('\n\n'),
        m.offerChecks,
      ]);
      expect(texts(replies).join('\n')).to.not.include(m.allHealthy(['exchange']));
    });
  });
}

describe('ServiceHealthDialog in a Teams group chat', () => {
  it('shows the incidents but does not offer a notice it could only post to the whole group', async () => {
    const h = await healthHarness();
    try {
      await h.health('set', 'teams', 'serviceDegradation', 'Meetings drop');
      const replies = await h.say('is teams down?', teams(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad, 'groupChat'));
      expect(texts(replies).at(-1)).to.equal(messages('en').health.notifyUnavailable);
      expect(cardOf(replies)).to.include('Meetings drop');
      expect(texts(await h.say('yes', teams(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad, 'groupChat')))).to.not.include(
        messages('en').health.notifyConfirmed(1),
      );
      expect(await h.watches.list()).to.deep.equal([]);
    } finally {
      await h.remove();
    }
  });
});
