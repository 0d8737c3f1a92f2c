import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { formatOpening } from '../../bot/escalation/supportHours.js';
import { messages } from '../../bot/i18n/messages.js';
import { escalationHarness, joinedTexts, teams, texts, type EscalationHarness } from '../support/escalationHarness.js';

const northwind = teams(DEMO.northwind.tenantId, DEMO.northwind.adminAad, 'Emily Chen');
const fabrikam = teams(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad, '王磊');
const statusEvent = (state: string): Partial<Activity> => ({ type: 'event', name: 'handoff.status', value: { state } });

interface TranscriptAttachment {
  name: string;
  contentType: string;
  content: { activities: Array<{ type: string; text: string; from: { role: string; id: string } }> };
}

describe('HandoffDialog (tier 1: the reseller support team)', () => {
  let h: EscalationHarness;
  const asked: string[][] = [];
  afterEach(() => h.remove());

  describe('an identified customer in support hours (en)', () => {
    const m = messages('en').escalation.handoff;
    beforeEach(async () => {
      asked.length = 0;
      h = await escalationHarness({
        health: async (ids) => {
          asked.push([...ids]);
          return { en: 'Exchange Online: degraded (EX123456)', 'zh-CN': 'Exchange Online：服务降级（EX123456）' };
        },
      });
    });

    it('opens a reseller ticket with a bilingual summary, sends handoff.initiate with the transcript, relays, stays quiet', async () => {
      await h.say('Outlook keeps asking for my password', northwind);
      const replies = await h.say('agent', northwind);

      const [event] = replies.filter((r) => r.type === 'event');
      expect(event?.name).to.equal('handoff.initiate');
      expect(event?.value).to.deep.include({
        ticketId: 'T-1001',
        locale: 'en',
        customer: 'c-northwind',
        question: 'Outlook keeps asking for my password',
      });
      const transcript = event!.attachments![0] as unknown as TranscriptAttachment;
      expect(transcript.name).to.equal('Transcript');
      expect(transcript.contentType).to.equal('application/json');
      expect(transcript.content.activities.map((a) => [a.from.role, a.text])).to.deep.equal([
        ['user', 'Outlook keeps asking for my password'],
        ['bot', `${messages('en').notYet}\n\n${messages('en').helpMenu}`],
        ['user', 'agent'],
      ]);
      expect(transcript.content.activities[0]!.from.id).to.equal(`29:${DEMO.northwind.adminAad}`);
      expect(texts(replies)).to.deep.equal([m.handedOver('T-1001', h.directory.reseller())]);

      const ticket = (await h.files.get('T-1001'))!;
      expect(ticket).to.deep.include({ kind: 'reseller', category: 'handoff', customer: 'c-northwind', status: 'open', locale: 'en' });
      expect(ticket.requester).to.deep.equal({ channelId: 'msteams', userId: `29:${DEMO.northwind.adminAad}` });
      expect(ticket.summary.en)
        .to.include('Customer: Northwind Logistics 北风物流 (c-northwind), Emily Chen <emily.chen@northwind.cn>')
        .and.include('Asked: Outlook keeps asking for my password')
        .and.include('Detected intent: howto_faq (0.90)')
        .and.include('Service health: Exchange Online: degraded (EX123456)')
        .and.include('Last 3 messages:');
      expect(ticket.summary['zh-CN'])
        .to.include('咨询内容：Outlook keeps asking for my password')
        .and.include('服务状态：Exchange Online：服务降级（EX123456）');
      expect(asked).to.deep.equal([['outlook']]);

      // While the handoff is active the bot says nothing; the message goes to the ticket for the agent.
      expect(await h.say('Are you there? It is urgent.', northwind)).to.deep.equal([]);
      expect((await h.files.get('T-1001'))!.history.at(-1)).to.deep.include({ by: 'customer', note: 'Are you there? It is urgent.' });
      expect(h.logLines.join('\n')).to.include('handoff_relayed').and.not.include('It is urgent');

      expect(texts(await h.send({ ...statusEvent('accepted'), ...northwind }))).to.deep.equal([m.accepted]);
      expect(await h.say('hello?', northwind)).to.deep.equal([]);
      expect(texts(await h.send({ ...statusEvent('completed'), ...northwind }))).to.deep.equal([m.completed('T-1001')]);
      // The bot is back.
      expect(joinedTexts(await h.say('my tickets', northwind))).to.include('T-1001');
    });

    it('keeps only the last 20 messages for the transcript', async () => {
      for (let i = 1; i <= 12; i++) await h.say(`question number ${i}`, northwind);
      const replies = await h.say('agent', northwind);
      const transcript = replies.find((r) => r.type === 'event')!.attachments![0] as unknown as TranscriptAttachment;
      expect(transcript.content.activities).to.have.length(20);
      expect(transcript.content.activities.at(-1)!.text).to.equal('agent');
      expect(transcript.content.activities[0]!.text).to.not.equal('question number 1');
      expect((await h.files.get('T-1001'))!.summary.en)
        .to.include('Asked: question number 12')
        .and.include('Last 20 messages:');
    });

    it('a status change by the reseller notifies the requester in their language, and ends the quiet relay', async () => {
      await h.say('talk to a person about my licenses please, we need more seats for the new office', northwind);
      await h.tickets.update('T-1001', { by: 'reseller', status: 'resolved', note: '5 licenses added' });
      expect(h.notifier.sent).to.have.length(1);
      const [sent] = h.notifier.sent;
      expect(sent!.recipient).to.deep.equal({ channelId: 'msteams', userId: `29:${DEMO.northwind.adminAad}` });
      const ticket = (await h.files.get('T-1001'))!;
      expect(sent!.text.en).to.equal(messages('en').escalation.status.changed(ticket, '5 licenses added'));
      expect(sent!.text['zh-CN']).to.include('已解决').and.include('5 licenses added');
      expect(await h.say('thanks, one more thing', northwind)).to.not.deep.equal([]);
    });
  });

  it('anonymous visitor after hours (zh-CN): name and contact first, the ticket is accepted, and the bot stays available', async () => {
    h = await escalationHarness({ now: '2026-11-28T03:00:00Z' }); // Saturday 11:00 China time
    const m = messages('zh-CN').escalation.handoff;
    expect(texts(await h.say('转人工'))).to.deep.equal([m.askName]);
    // An unusable answer gets its hint, then the same question again.
    expect(texts(await h.say('<>'))).to.deep.equal([m.nameHint, m.askName]);
    expect(texts(await h.say('王磊'))).to.deep.equal([m.askContact]);
    expect(texts(await h.say('不告诉你'))).to.deep.equal([m.contactHint, m.askContact]);
    expect(texts(await h.say('138 1234 5678'))).to.deep.equal([m.askQuestion]);
    const replies = await h.say('邮箱收不到外部邮件，已经一个上午了');
    const reseller = h.directory.reseller()!;
    expect(replies.filter((r) => r.type === 'event')).to.deep.equal([]);
    expect(texts(replies)).to.deep.equal([
      m.handedOverAfterHours('T-1001', reseller, formatOpening(new Date('2026-11-30T01:00:00Z'), 'zh-CN')),
    ]);
    expect(texts(replies)[0]).to.include('11月30日周一 09:00');

    const ticket = (await h.files.get('T-1001'))!;
    expect(ticket.customer).to.equal(undefined);
    expect(ticket.details).to.deep.include({
      contactName: '王磊',
      contactPhone: '13812345678',
      identified: false,
      question: '邮箱收不到外部邮件，已经一个上午了',
    });
    expect(ticket.summary['zh-CN']).to.include('未验证身份：王磊，13812345678').and.include('服务状态：未知');
    expect(ticket.summary.en).to.include('Not identified: 王磊, 13812345678').and.include('Service health: unknown');
    // Not in relay mode: the next message is answered, and not added to the ticket.
    expect(await h.say('还有一个问题')).to.not.deep.equal([]);
    expect((await h.files.get('T-1001'))!.history).to.have.length(1);
  });

  it('"Talk to support" under an FAQ answer hands over with the question the article did not answer (zh-CN)', async () => {
    h = await escalationHarness({ faq: true });
    const m = messages('zh-CN');
    await h.say('怎么设置outlook', fabrikam);
    const replies = await h.say(m.faq.talkToSupport, fabrikam);
    expect(replies.filter((r) => r.type === 'event').map((r) => r.name)).to.deep.equal(['handoff.initiate']);
    expect(texts(replies)).to.deep.equal([m.escalation.handoff.handedOver('T-1001', h.directory.reseller())]);
    expect((await h.files.get('T-1001'))!.details).to.deep.include({ question: '怎么设置outlook', intent: 'howto_faq' });
    expect((await h.files.get('T-1001'))!.customer).to.equal('c-fabrikam');
  });

  it('identified customer (zh-CN): a complaint naming a service is the question; failed handoff.status says so with contacts', async () => {
    h = await escalationHarness({ health: async () => Promise.reject(new Error('graph down')) });
    const m = messages('zh-CN').escalation.handoff;
    const replies = await h.say('我要投诉，邮箱一直收不到邮件', fabrikam);
    expect(texts(replies)).to.deep.equal([m.handedOver('T-1001', h.directory.reseller())]);
    const ticket = (await h.files.get('T-1001'))!;
    expect(ticket.details).to.deep.include({ question: '我要投诉，邮箱一直收不到邮件', intent: 'escalate_human' });
    expect(ticket.summary['zh-CN'])
      .to.include('客户：法布里卡姆贸易（上海）有限公司 Fabrikam Trading（c-fabrikam），王磊')
      .and.include(`服务状态：${m.healthUnknown}`);
    expect(ticket.locale).to.equal('zh-CN');

    const failed = texts(await h.send({ ...statusEvent('failed'), ...fabrikam }));
    expect(failed).to.deep.equal([m.failed('T-1001', h.directory.reseller())]);
    expect(failed[0]).to.include('400-820-1234');
    expect((await h.files.get('T-1001'))!.history.at(-1)!.note).to.equal('Agent hub: handoff failed');
  });
});
