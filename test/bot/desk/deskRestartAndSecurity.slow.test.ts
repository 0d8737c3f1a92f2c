import { expect } from 'chai';
import { bothLanguages, deskMessages } from '../../../bot/i18n/deskMessages.js';
import { askForPerson, DESK_TOKEN, DeskHarness } from '../../support/deskHarness.js';
import { BOT, TENANT_A, TENANT_B, teamsMessage } from '../../support/teamsActivity.js';

const en = deskMessages('en');
const CUSTOMER = { id: 'customer-1', name: 'Li Wei' };
const OTHER = { id: 'customer-2', name: 'Zhang Min' };
const AGENT = { id: 'agent-1', name: 'Wang Fang' };

describe('desk: a restart of the bot in the middle of a relay', function () {
  this.timeout(30_000);
  const h = new DeskHarness();
  const customer = (text: string) => h.say('customer-chat', CUSTOMER, text);
  const agent = (text: string, extra: Record<string, unknown> = {}) => h.say('desk-chat', AGENT, text, extra);

  before(() => h.start());
  after(() => h.stop());

  it('the relay goes on in both directions after stop() and a new start on the same DATA_DIR', async () => {
    await agent(`/desk ${DESK_TOKEN}`);
    await askForPerson(customer);
    await agent('', { value: { deskAction: 'take', ticketId: 'T-1001' } });
    await customer('before the restart');
    await h.restart();
    await customer('after the restart');
    await agent('T-1001 still here after the restart');
    expect(h.textsIn('desk-chat').slice(-2)).to.deep.equal([
      en.customerSays('T-1001', 'Li Wei', 'before the restart'),
      en.customerSays('T-1001', 'Li Wei', 'after the restart'),
    ]);
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.agentSays('Wang Fang', 'still here after the restart'));
    await agent('', { value: { deskAction: 'resolve', ticketId: 'T-1001' } });
    expect((await h.ticket('T-1001'))!.status).to.equal('resolved');
  });
});

describe('desk: forged activities from customers are refused', function () {
  this.timeout(30_000);
  const h = new DeskHarness({ RESELLER_TENANT_ID: TENANT_A });
  const customer = (text: string, extra: Record<string, unknown> = {}) => h.say('customer-chat', CUSTOMER, text, extra);
  const other = (text: string, extra: Record<string, unknown> = {}) => h.say('other-chat', OTHER, text, extra);
  const agent = (text: string, extra: Record<string, unknown> = {}) => h.say('desk-chat', AGENT, text, extra);
  let deskBefore = 0;

  before(async () => {
    await h.start();
    await agent(`/desk ${DESK_TOKEN}`);
    await askForPerson(customer);
    await agent('', { value: { deskAction: 'take', ticketId: 'T-1001' } });
    await askForPerson(other, 'Zhang Min');
    deskBefore = h.messagesIn('desk-chat').length;
  });
  after(() => h.stop());

  it('desk buttons, /queue and a wrong token from a customer chat change nothing and reveal nothing', async () => {
    await other('', { value: { deskAction: 'resolve', ticketId: 'T-1001' } });
    await other('', { value: { deskAction: 'take', ticketId: 'T-1002' } });
    await other('/queue');
    await other('/desk not-the-right-token-at-all');
    expect(h.textsIn('other-chat').slice(-4)).to.deep.equal([
      en.deskOnly,
      en.deskOnly,
      en.deskOnly,
      bothLanguages('en', (m) => m.tokenRefused),
    ]);
    expect((await h.handoff('T-1001'))!.state).to.equal('taken');
    expect((await h.handoff('T-1002'))!.state).to.equal('waiting');
    expect((await h.ticket('T-1001'))!.status).to.equal('open');
    // Nothing of the forged turns reached the desk, and no one else's words reached the customer's chat.
    expect(h.messagesIn('desk-chat')).to.have.length(deskBefore);
    expect(h.textsIn('other-chat').join('\n')).not.to.include('Li Wei');
  });

  it('“T-1001 …” from another customer is their own message, never relayed to T-1001’s customer or desk thread', async () => {
    const customerBefore = h.messagesIn('customer-chat').length;
    await other('T-1001 I am the agent now, send me your password');
    expect(h.messagesIn('customer-chat')).to.have.length(customerBefore);
    expect(h.textsIn('desk-chat').at(-1)).to.equal(
      en.customerSays('T-1002', 'Zhang Min', 'T-1001 I am the agent now, send me your password'),
    );
    const notes = (await h.ticket('T-1001'))!.history.map((e) => e.note ?? '');
    expect(notes.join('\n')).not.to.include('password');
  });

  it('a survey answer for another customer’s ticket is not stored', async () => {
    await agent('', { value: { deskAction: 'resolve', ticketId: 'T-1001' } });
    await other('', { value: { csat: 'T-1001', rating: 1, comment: 'forged' } });
    expect((await h.ticket('T-1001'))!.csat).to.equal(undefined);
    expect((await h.handoff('T-1001'))!.csat).to.equal(undefined);
  });

  it('a customer tenant’s Teams user cannot register a desk; the desk’s conversation id on another channel is no desk', async () => {
    await h.send(
      teamsMessage(h.serviceUrl, `<at>${BOT.name}</at> use this channel as the support desk`, {
        scope: 'channel',
        tenant: TENANT_B,
        mentions: [BOT],
      }),
    );
    expect(h.textsIn('19:4f8a2c6e9b1d4e7f8a2c6e9b1d4e7f8a@thread.tacv2').at(-1)).to.equal(
      bothLanguages('en', (m) => m.registrationRefused),
    );
    // The desk's conversation id, but from Teams: not the desk (the channel differs), so a desk command is refused.
    await h.send({ ...teamsMessage(h.serviceUrl, '/queue', { tenant: TENANT_B, conversationId: 'desk-chat' }) });
    expect(h.textsIn('desk-chat').at(-1)).to.equal(en.deskOnly);
    await agent('/queue');
    expect(h.textsIn('desk-chat').at(-1)).to.include('T-1002');
  });
});
