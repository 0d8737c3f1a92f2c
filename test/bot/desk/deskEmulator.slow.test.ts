import { expect } from 'chai';
import { bothLanguages, deskMessages } from '../../../bot/i18n/deskMessages.js';
import { messages } from '../../../bot/i18n/messages.js';
import { activityCardProblems } from '../../support/adaptiveCard15.js';
import { cardActions, cardText, DESK_TOKEN, DeskHarness } from '../../support/deskHarness.js';

const en = deskMessages('en');
const CUSTOMER = { id: 'customer-1', name: 'Li Wei' };
const AGENT = { id: 'agent-1', name: 'Wang Fang' };
const TEAM = en.team(undefined);

describe('agent desk in the Emulator: a customer chat and a desk chat over HTTP', function () {
  this.timeout(30_000);
  const h = new DeskHarness();
  const customer = (text: string, extra: Record<string, unknown> = {}) => h.say('customer-chat', CUSTOMER, text, extra);
  const agent = (text: string, extra: Record<string, unknown> = {}) => h.say('desk-chat', AGENT, text, extra);
  const button = (deskAction: string) => agent('', { value: { deskAction, ticketId: 'T-1001' } });

  before(() => h.start());
  after(() => h.stop());

  it('registers the desk with /desk and the token, and confirms', async () => {
    expect(await agent(`/desk ${DESK_TOKEN}`)).to.equal(200);
    expect(h.textsIn('desk-chat').at(-1)).to.equal(bothLanguages('en', (m) => m.registered));
  });

  it('a handoff posts a card with the ticket, the customer, language, channel, hours and the four buttons', async () => {
    await customer('talk to a person');
    await customer('Li Wei');
    await customer('li.wei@contoso.cn');
    await customer('Outlook keeps asking for my password');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.handedOver('T-1001', TEAM));
    const card = h.cardsIn('desk-chat').at(-1)!;
    const text = cardText(card);
    for (const expected of [
      'T-1001',
      'Li Wei',
      'li.wei@contoso.cn',
      'English / 英文',
      'Bot Framework Emulator',
      'within support hours / 工作时间内',
      'Outlook keeps asking for my password',
    ]) {
      expect(text).to.include(expected);
    }
    expect(text).to.include(`${en.notIdentified} / ${deskMessages('zh-CN').notIdentified}`); // no directory company
    expect(cardActions(card)).to.deep.equal(
      ['take', 'resolve', 'back', 'escalate'].map((deskAction) => ({ deskAction, ticketId: 'T-1001' })),
    );
    expect(activityCardProblems(h.messagesIn('desk-chat').at(-1)!)).to.deep.equal([]);
  });

  it('Take: the customer hears who joined, the desk gets the card redrawn as taken', async () => {
    await button('take');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.agentJoined('Wang Fang', TEAM));
    const card = h.cardsIn('desk-chat').at(-1)!;
    expect(cardText(card)).to.include(en.statusTaken('Wang Fang'));
    expect(cardActions(card).map((a) => a.deskAction)).to.deep.equal(['resolve', 'back', 'escalate']);
    expect((await h.handoff('T-1001'))?.takenBy?.name).to.equal('Wang Fang');
  });

  it('relays three messages each way in order, attachments as links, with the bot quiet', async () => {
    const customerBefore = h.messagesIn('customer-chat').length;
    const deskBefore = h.textsIn('desk-chat').length;
    await customer('first');
    // Both chats at once: a relay in each direction runs inside the other conversation's turn.
    const cardId = h.connector.received.filter((r) => r.conversationId === 'desk-chat' && r.activity.attachments?.length).at(-1)!.id;
    await Promise.all([customer('second'), agent('T-1001 one')]);
    await agent('two', { replyToId: cardId });
    await customer('third', {
      attachments: [{ contentType: 'image/png', contentUrl: 'https://files.contoso.cn/screen.png', name: 'screen.png' }],
    });
    await agent('T-1001 three');
    expect(h.textsIn('desk-chat').slice(deskBefore)).to.deep.equal([
      en.customerSays('T-1001', 'Li Wei', 'first'),
      en.customerSays('T-1001', 'Li Wei', 'second'),
      en.customerSays('T-1001', 'Li Wei', `third\n${en.attachment('screen.png', 'https://files.contoso.cn/screen.png')}`),
    ]);
    expect(
      h
        .messagesIn('customer-chat')
        .slice(customerBefore)
        .map((a) => a.text),
    ).to.deep.equal([en.agentSays('Wang Fang', 'one'), en.agentSays('Wang Fang', 'two'), en.agentSays('Wang Fang', 'three')]);
    // Each direction keeps its order in the history too (the two directions interleave as they came).
    const notes = (await h.ticket('T-1001'))!.history.filter((e) => e.note && !e.note.startsWith('Taken'));
    expect(notes.filter((e) => e.by === 'customer').map((e) => e.note)).to.deep.equal([
      'first',
      'second',
      'third\n📎 screen.png: https://files.contoso.cn/screen.png',
    ]);
    expect(notes.filter((e) => e.by === 'reseller').map((e) => e.note)).to.deep.equal([
      'Wang Fang: one',
      'Wang Fang: two',
      'Wang Fang: three',
    ]);
  });

  it('Resolve: the relay ends, the ticket is resolved, the customer gets the survey in English', async () => {
    await button('resolve');
    const last = h.messagesIn('customer-chat').slice(-2);
    expect(last[0]!.text).to.equal(en.resolved('Wang Fang', 'T-1001'));
    const survey = last[1]!.attachments![0]!.content as Record<string, unknown>;
    expect(cardText(survey)).to.include(en.csatPrompt('T-1001'));
    expect(cardActions(survey)).to.deep.equal([1, 2, 3, 4, 5].map((rating) => ({ csat: 'T-1001', rating })));
    expect(activityCardProblems(last[1]!)).to.deep.equal([]);
    expect((await h.ticket('T-1001'))!.status).to.equal('resolved');
    expect(cardActions(h.cardsIn('desk-chat').at(-1)!)).to.deep.equal([]);
    expect(h.textsIn('desk-chat').at(-1)).to.equal(bothLanguages('en', (m) => m.resolvedBy('T-1001', 'Wang Fang')));
  });

  it('the survey answer is stored with the ticket once; the chat went on without it', async () => {
    await customer('hello');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').greeting);
    await customer('', { value: { csat: 'T-1001', rating: 4, comment: 'Quick and clear' } });
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.csatThanks);
    await customer('', { value: { csat: 'T-1001', rating: 1 } });
    const ticket = (await h.ticket('T-1001'))!;
    expect(ticket.csat).to.deep.include({ rating: 4, comment: 'Quick and clear' });
    expect((await h.handoff('T-1001'))!.csat).to.deep.include({ rating: 4, comment: 'Quick and clear' });
    expect(h.textsIn('desk-chat').at(-1)).to.equal(bothLanguages('en', (m) => m.csatReceived('T-1001', 4)));
  });
});
