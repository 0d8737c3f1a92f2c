import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { messages } from '../../../bot/i18n/messages.js';
import { activityBytes } from '../../../bot/outbound/messageSize.js';
import { MessageSizeLimit } from '../../../bot/outbound/messageSizeLimit.js';
import { setTurnLocale } from '../../../bot/turnLocale.js';

/** What the middleware measured: TestAdapter stamps an id and a timestamp on sent activities afterwards. */
const sentBytes = (a: Partial<Activity>) => activityBytes({ ...a, id: undefined, timestamp: undefined });

describe('MessageSizeLimit middleware', () => {
  const BUDGET = 4_000;

  async function replies(locale: 'zh-CN' | 'en', text: string): Promise<Partial<Activity>[]> {
    const adapter = new TestAdapter(async (context) => {
      setTurnLocale(context, locale);
      await context.sendActivity(text);
    });
    adapter.use(new MessageSizeLimit(BUDGET));
    await adapter.receiveActivity({ type: 'message', text: 'go' });
    return adapter.activeQueue.splice(0);
  }

  it('passes a short reply through unchanged', async () => {
    expect((await replies('en', 'short')).map((r) => r.text)).to.deep.equal(['short']);
  });

  it('splits a long reply into parts under the budget', async () => {
    const text = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(50)}`.trim()).join('\n\n');
    const parts = await replies('en', text);
    expect(parts.length).to.be.within(2, 3);
    for (const part of parts) expect(sentBytes(part)).to.be.at.most(BUDGET);
    expect(parts.map((p) => p.text).join('\n\n')).to.equal(text);
  });

  it('cuts what would need too many messages, with the note in the user’s language', async () => {
    const zh = await replies('zh-CN', '很长的回复。'.repeat(2_000));
    expect(zh[zh.length - 1]!.text!.endsWith(messages('zh-CN').teams.shortened)).to.equal(true);
    const en = await replies('en', 'A very long reply. '.repeat(2_000));
    expect(en[en.length - 1]!.text!.endsWith(messages('en').teams.shortened)).to.equal(true);
    for (const part of [...zh, ...en]) expect(sentBytes(part)).to.be.at.most(BUDGET);
  });
});
