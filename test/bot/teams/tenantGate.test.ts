import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { silentLogger } from '../../../bot/log.js';
import { TenantGate, tenantDenial } from '../../../bot/teams/tenantGate.js';

const ALLOWED = 'aaaaaaaa-1111-4222-8333-444444444444';
const OTHER = 'bbbbbbbb-1111-4222-8333-444444444444';

async function run(allowed: string[] | undefined, activity: Partial<Activity>) {
  let ran = false;
  const adapter = new TestAdapter(async () => {
    ran = true;
  });
  adapter.use(new TenantGate(allowed, silentLogger));
  await adapter.processActivity({ channelId: 'msteams', ...activity } as Activity, async () => {
    ran = true;
  });
  return { ran, sent: adapter.activeQueue.splice(0) };
}

describe('TenantGate', () => {
  it('without ALLOWED_TENANTS every tenant is served', async () => {
    expect((await run(undefined, { type: 'message', text: 'hi', channelData: { tenant: { id: OTHER } } })).ran).to.equal(true);
  });

  it('lets the allowed tenant through and stops another before the bot, with the refusal in the channel’s language first', async () => {
    expect((await run([ALLOWED], { type: 'message', text: 'hi', channelData: { tenant: { id: ALLOWED } } })).ran).to.equal(true);
    const denied = await run([ALLOWED], { type: 'message', text: 'hi', locale: 'en-US', channelData: { tenant: { id: OTHER } } });
    expect(denied.ran).to.equal(false);
    expect(denied.sent.map((a) => a.text)).to.deep.equal([tenantDenial('en-US')]);
    expect(tenantDenial('en-US').indexOf('Sorry')).to.equal(0);
    expect(tenantDenial('zh-CN').indexOf('抱歉')).to.equal(0);
  });

  it('says nothing to other activities of a refused tenant (a colleague joining, a reaction)', async () => {
    const joined = await run([ALLOWED], {
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:x', name: '' }],
      recipient: { id: '28:bot', name: '' },
      channelData: { tenant: { id: OTHER } },
    });
    expect(joined).to.deep.equal({ ran: false, sent: [] });
    expect(await run([ALLOWED], { type: 'messageReaction', channelData: { tenant: { id: OTHER } } })).to.deep.equal({
      ran: false,
      sent: [],
    });
  });

  it('does not block the bot’s own proactive turns', async () => {
    const proactive = await run([ALLOWED], {
      type: 'event',
      name: 'ContinueConversation',
      conversation: { id: 'a:1', isGroup: false, conversationType: 'personal', name: '' },
    });
    expect(proactive.ran).to.equal(true);
  });
});
