import { expect } from 'chai';
import { bothLanguages, deskMessages } from '../../../bot/i18n/deskMessages.js';
import { messages } from '../../../bot/i18n/messages.js';
import { askForPerson, DESK_TOKEN, DeskHarness } from '../../support/deskHarness.js';

const en = deskMessages('en');
const CUSTOMER = { id: 'customer-1', name: 'Li Wei' };
const AGENT = { id: 'agent-1', name: 'Wang Fang' };

describe('handoff modes', function () {
  this.timeout(30_000);

  describe('HANDOFF_MODE=desk with no desk registered', () => {
    const h = new DeskHarness();
    before(() => h.start());
    after(() => h.stop());

    it('keeps the ticket only, tells the customer truthfully how the team will reply, and the bot goes on answering', async () => {
      await askForPerson((text) => h.say('customer-chat', CUSTOMER, text));
      expect(h.textsIn('customer-chat').at(-1)).to.equal(en.ticketOnly('T-1001', en.team(undefined), undefined));
      expect((await h.ticket('T-1001'))!.category).to.equal('handoff');
      expect(h.messagesIn('customer-chat').some((a) => a.type === 'event')).to.equal(false);
      await h.say('customer-chat', CUSTOMER, 'hello');
      expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').greeting);
    });
  });

  describe('HANDOFF_MODE=hub', () => {
    const h = new DeskHarness({ HANDOFF_MODE: 'hub' });
    before(() => h.start());
    after(() => h.stop());

    it('does what it always did: the handoff.initiate event, and the desk commands say the desk is off', async () => {
      await h.say('desk-chat', AGENT, `/desk ${DESK_TOKEN}`);
      expect(h.textsIn('desk-chat').at(-1)).to.equal(bothLanguages('en', (m) => m.deskOff));
      await askForPerson((text) => h.say('customer-chat', CUSTOMER, text));
      const events = h.connector.received.filter((r) => r.conversationId === 'customer-chat' && r.activity.type === 'event');
      expect(events.map((e) => e.activity.name)).to.deep.equal(['handoff.initiate']);
      expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').escalation.handoff.handedOver('T-1001', undefined));
      expect(h.cardsIn('desk-chat')).to.deep.equal([]);
    });
  });

  describe('HANDOFF_MODE=both', () => {
    const h = new DeskHarness({ HANDOFF_MODE: 'both' });
    before(() => h.start());
    after(() => h.stop());

    it('posts the desk card and sends the hub its event', async () => {
      await h.say('desk-chat', AGENT, `/desk ${DESK_TOKEN}`);
      await askForPerson((text) => h.say('customer-chat', CUSTOMER, text));
      expect(h.cardsIn('desk-chat')).to.have.length(1);
      expect(
        h.connector.received.filter((r) => r.conversationId === 'customer-chat' && r.activity.type === 'event').map((e) => e.activity.name),
      ).to.deep.equal(['handoff.initiate']);
      expect(h.textsIn('customer-chat').at(-1)).to.equal(en.handedOver('T-1001', en.team(undefined)));
    });
  });
});
