import { expect } from 'chai';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import type { NewTicket } from '../../bot/tickets/types.js';
import { escalationHarness, joinedTexts, teams, texts, type EscalationHarness } from '../support/escalationHarness.js';

const fabrikam = teams(DEMO.fabrikam.tenantId, DEMO.fabrikam.adminAad, '王磊');
const northwind = teams(DEMO.northwind.tenantId, DEMO.northwind.adminAad, 'Emily Chen');
const ticket = (customer: string, title: string): NewTicket => ({
  kind: 'reseller',
  category: 'billing',
  customer,
  title,
  summary: { 'zh-CN': title, en: title },
  locale: 'zh-CN',
  details: {},
});

describe('TicketStatusDialog', () => {
  let h: EscalationHarness;
  beforeEach(async () => {
    h = await escalationHarness();
    await h.files.create(ticket('c-fabrikam', '开具 INV-202610-0101 的发票'));
    await h.files.create(ticket('c-northwind', 'Northwind licence change'));
    await h.files.create(ticket('c-fabrikam', '加 5 个 E3 许可证'));
    h.clock.now = new Date('2026-11-24T02:00:00Z');
    await h.files.update('T-1003', { by: 'reseller', status: 'escalated', note: '已提交世纪互联', links: { escalatedTo: 'T-1009' } });
  });
  afterEach(() => h.remove());

  for (const locale of ['zh-CN', 'en'] as const) {
    const m = messages(locale).escalation.status;
    const say =
      locale === 'zh-CN'
        ? { list: '我的工单进度', of: (id: string) => `工单 ${id} 的状态` }
        : { list: 'status of my tickets', of: (id: string) => `status of ${id}` };

    it(`${locale}: lists only the customer's own tickets, newest first, and shows one ticket's history`, async () => {
      const listed = texts(await h.say(say.list, fabrikam));
      const [mine1, mine3] = [(await h.files.get('T-1001'))!, (await h.files.get('T-1003'))!];
      expect(listed).to.deep.equal([m.list([mine3, mine1])]);
      expect(listed[0]).to.not.include('T-1002').and.not.include('Northwind');
      const detail = texts(await h.say('T-1003', fabrikam));
      expect(detail).to.deep.equal([m.detail(mine3)]);
      expect(detail[0]).to.include(m.statusNames.escalated).and.include('已提交世纪互联').and.include('T-1009');
    });

    it(`${locale}: another customer's ticket gets exactly the answer a missing one gets`, async () => {
      const other = joinedTexts(await h.say(say.of('T-1002'), fabrikam));
      const missing = joinedTexts(await h.say(say.of('T-9999'), fabrikam));
      expect(other).to.equal(m.notFound('T-1002'));
      expect(missing).to.equal(m.notFound('T-9999'));
      expect(other.replace('T-1002', 'X')).to.equal(missing.replace('T-9999', 'X'));
      expect(other).to.not.include('Northwind');
    });
  }

  it('a customer without tickets is told so; an anonymous visitor must identify first', async () => {
    const tailspin = teams(DEMO.tailspin.tenantId, DEMO.tailspin.adminAad);
    expect(texts(await h.say('my tickets', tailspin))).to.deep.equal([messages('en').escalation.status.none]);
    expect(texts(await h.say('my tickets'))).to.deep.equal([messages('en').customer.identify.askDomain]);
  });

  it('after the list, a new question goes to the main dialog', async () => {
    await h.say('my tickets', northwind);
    expect(joinedTexts(await h.say('I want to talk to a person about something else entirely now', northwind))).to.include('T-1004');
  });
});
