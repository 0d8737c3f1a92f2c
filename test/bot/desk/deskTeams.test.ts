import { expect } from 'chai';
import { bothLanguages, deskMessages } from '../../../bot/i18n/deskMessages.js';
import { activityCardProblems } from '../../support/adaptiveCard15.js';
import { cardActions, cardText, DeskHarness } from '../../support/deskHarness.js';
import { BOT, TENANT_A, TENANT_B, teamsMessage } from '../../support/teamsActivity.js';

const en = deskMessages('en');
const zh = deskMessages('zh-CN');
const CHANNEL = '19:4f8a2c6e9b1d4e7f8a2c6e9b1d4e7f8a@thread.tacv2';
const AGENT_A = { id: '29:agentA', name: 'Wang Fang', aadObjectId: '0a1b2c3d-0000-4000-8000-00000000000a' };
const AGENT_B = { id: '29:agentB', name: 'Zhao Lei', aadObjectId: '0a1b2c3d-0000-4000-8000-00000000000b' };
const OUTSIDER = { id: '29:intern', name: 'Intern', aadObjectId: '0a1b2c3d-0000-4000-8000-00000000000c' };

describe('agent desk in a Teams channel: threads, the card updated in place, two agents racing', function () {
  this.timeout(30_000);
  const h = new DeskHarness({ RESELLER_TENANT_ID: TENANT_A, DESK_AGENTS: `${AGENT_A.aadObjectId},${AGENT_B.aadObjectId}` });
  let cardId = '';

  /** A message in the desk channel (a new post, or a reply in `threadRoot`'s thread) from an agent of the reseller. */
  const inChannel = (from: object, text: string, extra: { threadRoot?: string; value?: object; locale?: string } = {}) =>
    h.send({
      ...teamsMessage(h.serviceUrl, text, {
        scope: 'channel',
        tenant: TENANT_A,
        mentions: [BOT],
        locale: extra.locale ?? 'zh-CN',
        ...(extra.threadRoot && { threadRoot: extra.threadRoot }),
      }),
      from,
      ...(extra.value && { value: extra.value }),
    });
  /** The customer: a Teams personal chat in the customer's own tenant. */
  const customer = (text: string) => h.send(teamsMessage(h.serviceUrl, text, { tenant: TENANT_B, locale: 'en-US' }));
  const customerChat = 'a:1Hq8ZxC3vB5nM7kL9jP2rT4wY6uI0oE';

  before(() => h.start());
  after(() => h.stop());

  it('an agent of the reseller’s tenant registers the channel with “@bot 设为客服频道”', async () => {
    expect(await inChannel(AGENT_A, `<at>${BOT.name}</at> 设为客服频道`)).to.equal(200);
    expect(h.textsIn(CHANNEL).at(-1)).to.equal(bothLanguages('zh-CN', (m) => m.registered));
  });

  it('the handoff card opens a thread; the customer’s messages arrive in it', async () => {
    await customer('talk to a person');
    await customer('li.wei@contoso.cn');
    await customer('Outlook keeps asking for my password');
    expect(h.textsIn(customerChat).at(-1)).to.equal(en.handedOver('T-1001', en.team(undefined)));
    const posted = h.connector.received.filter((r) => r.conversationId === CHANNEL && r.activity.attachments?.length);
    expect(posted).to.have.length(1);
    cardId = posted[0]!.id!;
    expect(cardText(posted[0]!.activity.attachments![0]!.content as Record<string, unknown>))
      .to.include('T-1001')
      .and.include('Li Wei')
      .and.include('Microsoft Teams');
    expect(activityCardProblems(posted[0]!.activity)).to.deep.equal([]);

    await customer('It started this morning');
    const relayed = h.connector.received.at(-1)!;
    expect(relayed.conversationId).to.equal(`${CHANNEL};messageid=${cardId}`);
    expect(relayed.activity.text).to.equal(zh.customerSays('T-1001', 'Li Wei', 'It started this morning'));
  });

  it('someone of the tenant who is not in DESK_AGENTS cannot take it', async () => {
    await inChannel(OUTSIDER, '', { threadRoot: cardId, value: { deskAction: 'take', ticketId: 'T-1001' } });
    expect(h.textsIn(CHANNEL).at(-1)).to.equal(bothLanguages('zh-CN', (m) => m.notAgent));
    expect((await h.handoff('T-1001'))!.state).to.equal('waiting');
  });

  it('two agents press Take at once: exactly one wins, the other is told who has it, the card is updated in place', async () => {
    const customerBefore = h.textsIn(customerChat).length;
    const take = { deskAction: 'take', ticketId: 'T-1001' };
    await Promise.all([
      inChannel(AGENT_A, '', { threadRoot: cardId, value: take }),
      inChannel(AGENT_B, '', { threadRoot: cardId, value: take }),
    ]);
    const winner = (await h.handoff('T-1001'))!.takenBy!;
    const loser = winner.name === AGENT_A.name ? AGENT_B : AGENT_A;
    expect([AGENT_A.name, AGENT_B.name]).to.include(winner.name);
    expect(h.textsIn(customerChat).slice(customerBefore)).to.deep.equal([en.agentJoined(winner.name!, en.team(undefined))]);
    const inThread = h.connector.received.filter((r) => r.conversationId === `${CHANNEL};messageid=${cardId}`).map((r) => r.activity.text);
    expect(inThread).to.include(bothLanguages('zh-CN', (m) => m.alreadyTaken('T-1001', winner.name!)));
    expect(inThread).to.include(bothLanguages('zh-CN', (m) => m.taken('T-1001', winner.name!)));
    const updates = h.connector.updated.filter((u) => u.activityId === cardId);
    expect(updates).to.have.length(1);
    const card = updates[0]!.activity.attachments![0]!.content as Record<string, unknown>;
    expect(cardText(card)).to.include(zh.statusTaken(winner.name!));
    expect(cardActions(card).map((a) => a.deskAction)).to.deep.equal(['resolve', 'back', 'escalate']);
    // No second card was posted: the thread keeps its one root.
    expect(h.connector.received.filter((r) => r.conversationId === CHANNEL && r.activity.attachments?.length)).to.have.length(1);

    // A reply in the thread (with the @mention Teams needs) reaches the customer under the winner's name; the loser's does not.
    await inChannel(winner, `<at>${BOT.name}</at> Hello, I can help with the password prompts`, { threadRoot: cardId });
    expect(h.textsIn(customerChat).at(-1)).to.equal(en.agentSays(winner.name!, 'Hello, I can help with the password prompts'));
    await inChannel(loser, `<at>${BOT.name}</at> me too`, { threadRoot: cardId });
    expect(h.textsIn(customerChat).at(-1)).to.equal(en.agentSays(winner.name!, 'Hello, I can help with the password prompts'));
    expect(h.textsIn(CHANNEL).at(-1)).to.equal(bothLanguages('zh-CN', (m) => m.alreadyTaken('T-1001', winner.name!)));
  });

  it('Escalate to 21Vianet: a linked service request; the chat goes on and the card loses the button', async () => {
    await inChannel(AGENT_A, '', { threadRoot: cardId, value: { deskAction: 'escalate', ticketId: 'T-1001' } });
    expect(h.textsIn(CHANNEL).at(-1)).to.equal(bothLanguages('zh-CN', (m) => m.escalated('T-1001', 'T-1002')));
    expect((await h.ticket('T-1001'))!.status).to.equal('escalated');
    expect((await h.ticket('T-1002'))!).to.deep.include({ kind: '21vianet', links: { escalatedFrom: 'T-1001' } });
    const card = h.connector.updated.filter((u) => u.activityId === cardId).at(-1)!.activity.attachments![0]!.content as Record<
      string,
      unknown
    >;
    expect(cardActions(card).map((a) => a.deskAction)).to.deep.equal(['resolve', 'back']);
    expect((await h.handoff('T-1001'))!.state).to.equal('taken');
  });

  it('Back to bot from the card: the customer is back with the bot, the card is updated again without buttons', async () => {
    await inChannel(AGENT_A, '', { threadRoot: cardId, value: { deskAction: 'back', ticketId: 'T-1001' } });
    expect(h.textsIn(customerChat).at(-1)).to.equal(en.backToBot(AGENT_A.name, 'T-1001'));
    const last = h.connector.updated.filter((u) => u.activityId === cardId).at(-1)!;
    expect(cardActions(last.activity.attachments![0]!.content as Record<string, unknown>)).to.deep.equal([]);
    expect((await h.ticket('T-1001'))!.status).to.equal('escalated'); // Back to bot leaves the ticket as it was
  });
});
