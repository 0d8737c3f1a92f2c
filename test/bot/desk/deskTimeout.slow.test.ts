import { expect } from 'chai';
import { demoDirectory } from '../../../bot/directory/demoDirectory.js';
import { formatOpening } from '../../../bot/escalation/supportHours.js';
import { bothLanguages, deskMessages } from '../../../bot/i18n/deskMessages.js';
import { messages } from '../../../bot/i18n/messages.js';
import { askForPerson, cardText, DESK_TOKEN, DeskHarness, eventually } from '../../support/deskHarness.js';

const en = deskMessages('en');
const CUSTOMER = { id: 'customer-1', name: 'Li Wei' };
const AGENT = { id: 'agent-1', name: 'Wang Fang' };
const minutes = (n: number) => n * 60_000;
/** Long enough for several of the 50 ms checks. */
const severalChecks = () => new Promise((r) => setTimeout(r, 400));

describe('desk: a handoff nobody takes (injected clock)', function () {
  this.timeout(30_000);
  const h = new DeskHarness();
  const customer = (text: string) => h.say('customer-chat', CUSTOMER, text);
  const agent = (text: string, extra: Record<string, unknown> = {}) => h.say('desk-chat', AGENT, text, extra);
  const reminder = bothLanguages('en', (m) => m.reminder('T-1001', 5));
  const created = () => h.clock.now.getTime();
  let start = 0;

  before(async () => {
    await h.start();
    await agent(`/desk ${DESK_TOKEN}`);
    await askForPerson(customer);
    start = created();
  });
  after(() => h.stop());

  it('before DESK_TAKE_MINUTES nothing happens; after it the customer is told it is queued and the desk reminded, once', async () => {
    h.clock.now = new Date(start + minutes(4));
    await severalChecks();
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.handedOver('T-1001', en.team(undefined)));
    h.clock.now = new Date(start + minutes(6));
    await eventually(() => h.textsIn('customer-chat').at(-1) === en.queued('T-1001'));
    await eventually(() => h.textsIn('desk-chat').includes(reminder));
    await severalChecks();
    expect(h.textsIn('desk-chat').filter((t) => t === reminder)).to.have.length(1);
    expect(h.textsIn('customer-chat').filter((t) => t === en.queued('T-1001'))).to.have.length(1);
  });

  it('the bot keeps answering meanwhile; /queue in the desk lists the handoff with its age and language', async () => {
    await customer('hello');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').greeting);
    await agent('/queue');
    expect(h.textsIn('desk-chat').at(-1)).to.equal(
      bothLanguages('en', (m) => [m.queueHeading(1), m.queueLine('T-1001', 6, m.languageName('en'), 'Li Wei', m.statusQueued)].join('\n')),
    );
  });

  it('taken later, the relay starts: the customer hears who joined and their next message goes to the desk', async () => {
    await agent('', { value: { deskAction: 'take', ticketId: 'T-1001' } });
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.agentJoined('Wang Fang', en.team(undefined)));
    await customer('Still there?');
    expect(h.textsIn('desk-chat').at(-1)).to.equal(en.customerSays('T-1001', 'Li Wei', 'Still there?'));
  });

  it('「结束人工」 ends the relay from the customer’s side: the desk is told, and the bot answers again', async () => {
    await customer('结束人工');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(en.endedByCustomer('T-1001'));
    expect(h.textsIn('desk-chat').at(-1)).to.equal(bothLanguages('en', (m) => m.customerEnded('T-1001')));
    expect(cardText(h.cardsIn('desk-chat').at(-1)!)).to.include(en.statusCustomerEnded);
    expect((await h.handoff('T-1001'))!.end).to.equal('customer');
    expect((await h.ticket('T-1001'))!.status).to.equal('open');
    await customer('hello');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').greeting);
    await agent('T-1001 are you there?');
    expect(h.textsIn('desk-chat').at(-1)).to.equal(bothLanguages('en', (m) => m.ended('T-1001')));
  });
});

describe('desk: support hours on China’s calendar (the demo reseller, Mon–Fri 09:00–18:00)', function () {
  this.timeout(30_000);
  const h = new DeskHarness();
  const customer = (text: string) => h.say('customer-chat', CUSTOMER, text);
  const agent = (text: string) => h.say('desk-chat', AGENT, text);

  before(async () => {
    await h.seedDemo();
    h.clock.now = new Date('2026-10-02T03:00:00Z'); // Fri 2 Oct 11:00, National Day holiday
    await h.start();
    await agent(`/desk ${DESK_TOKEN}`);
  });
  after(() => h.stop());

  it('on a public holiday the card is still posted, marked out of hours, and the customer told the team is back on 8 Oct', async () => {
    await askForPerson(customer);
    const reseller = messages('en').escalation.handoff;
    const back = new Date('2026-10-08T01:00:00Z');
    const demo = demoDirectory().reseller!;
    expect(h.textsIn('customer-chat').at(-1)).to.equal(
      reseller.handedOverAfterHours('T-1001', demo, formatOpening(back, 'en', demo.timeZone)),
    );
    const card = cardText(h.cardsIn('desk-chat').at(-1)!);
    expect(card).to.include(en.outOfHours(formatOpening(back, 'en', demo.timeZone)));
    // Out of hours the bot answers as usual rather than relaying.
    await customer('hello');
    expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').greeting);
  });

  it('the not-taken clock starts when the team is back: nothing over the holiday, queued at 09:05 on 8 Oct', async () => {
    h.clock.now = new Date('2026-10-07T03:00:00Z'); // still the holiday
    await severalChecks();
    expect(h.textsIn('customer-chat').at(-1)).to.equal(messages('en').greeting);
    h.clock.now = new Date('2026-10-08T01:06:00Z');
    await eventually(() => h.textsIn('customer-chat').at(-1) === en.queued('T-1001'));
  });
});
