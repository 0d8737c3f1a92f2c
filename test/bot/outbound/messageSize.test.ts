import { expect } from 'chai';
import { CardFactory, type Activity } from 'botbuilder';
import { activityBytes, fitActivity, MAX_PARTS, MESSAGE_BUDGET_BYTES } from '../../../bot/outbound/messageSize.js';

const NOTE = '(shortened)';
const base: Partial<Activity> = {
  type: 'message',
  conversation: { id: '19:c@thread.tacv2;messageid=1', isGroup: true, conversationType: 'channel', name: '' },
  replyToId: '1',
};
const paragraph = (i: number, chars = 1000) => `${i}. ${'资料'.repeat(chars / 2)}`;

describe('fitActivity (message size limit)', () => {
  it('leaves a message that fits alone, and anything that is not a message', () => {
    const small = { ...base, text: 'hello' };
    expect(fitActivity(small, NOTE)).to.deep.equal([small]);
    const typing = { type: 'typing' };
    expect(fitActivity(typing, NOTE)).to.deep.equal([typing]);
  });

  it('splits long text at paragraph breaks into parts that each fit, losing nothing', () => {
    const text = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n\n');
    expect(activityBytes({ ...base, text })).to.be.greaterThan(MESSAGE_BUDGET_BYTES);
    const parts = fitActivity({ ...base, text }, NOTE);
    expect(parts.length).to.be.within(2, MAX_PARTS);
    for (const part of parts) {
      expect(activityBytes(part)).to.be.at.most(MESSAGE_BUDGET_BYTES);
      expect(part.replyToId, 'every part stays in the thread').to.equal('1');
      expect(part.conversation?.id).to.equal(base.conversation!.id);
      expect(part.text).to.match(/^\d+\. /u);
    }
    expect(parts.map((p) => p.text).join('\n\n')).to.equal(text);
    expect(parts.some((p) => p.text!.includes(NOTE))).to.equal(false);
  });

  it('cuts text that would need more than MAX_PARTS messages and ends with the note', () => {
    const text = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n');
    const parts = fitActivity({ ...base, text }, NOTE);
    expect(parts).to.have.length(MAX_PARTS);
    for (const part of parts) expect(activityBytes(part)).to.be.at.most(MESSAGE_BUDGET_BYTES);
    expect(parts[MAX_PARTS - 1]!.text!.endsWith(`\n\n${NOTE}`)).to.equal(true);
  });

  it('splits a single line with no spaces without breaking a surrogate pair', () => {
    const text = '😀'.repeat(30_000);
    const parts = fitActivity({ ...base, text }, NOTE);
    for (const part of parts) {
      expect(activityBytes(part)).to.be.at.most(MESSAGE_BUDGET_BYTES);
      expect(part.text).to.not.match(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u);
    }
    expect(parts.map((p) => p.text).join('')).to.equal(text);
  });

  it('keeps a card with the last part of long text', () => {
    const card = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] });
    const text = Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n\n');
    const parts = fitActivity({ ...base, text, attachments: [card] }, NOTE);
    expect(parts[0]!.attachments).to.equal(undefined);
    expect(parts[parts.length - 1]!.attachments).to.deep.equal([card]);
  });

  it('shortens an oversized card’s longest texts and says so', () => {
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'x'.repeat(60_000) },
        { type: 'TextBlock', text: 'title' },
      ],
    });
    const parts = fitActivity({ ...base, text: 'Here it is', attachments: [card] }, NOTE);
    expect(parts).to.have.length(1);
    expect(activityBytes(parts[0]!)).to.be.at.most(MESSAGE_BUDGET_BYTES);
    expect(parts[0]!.text).to.equal(`Here it is\n\n${NOTE}`);
    expect(JSON.stringify(parts[0]!.attachments)).to.include('"title"').and.include('…');
  });
});
