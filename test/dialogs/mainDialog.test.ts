import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { messages } from '../../bot/i18n/messages.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { AskNameDialog } from '../support/askNameDialog.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { botHarness, textsOf } from '../support/botHarness.js';

function client(recognizer = new FakeRecognizer()) {
  return new DialogTestClient('test', new MainDialog(recognizer, { children: { billing: new AskNameDialog() } }));
}

describe('MainDialog', () => {
  it('routes a recognised intent to its child dialog through the table', async () => {
    const recognizer = new FakeRecognizer();
    const c = client(recognizer);
    expect((await c.sendActivity('上个月的发票'))?.text).to.equal('name?');
    expect((await c.sendActivity('王芳'))?.text).to.equal('got 王芳');
    expect(recognizer.seen).to.deep.equal(['上个月的发票']);
  });

  it('answers small talk from the table in the language of the message', async () => {
    const c = client();
    expect((await c.sendActivity('谢谢'))?.text).to.equal(messages('zh-CN').thanks);
    expect((await c.sendActivity('bye'))?.text).to.equal(messages('en').goodbye);
  });

  it('acknowledges a bare "ok" when nothing was asked, instead of not understanding it', async () => {
    const c = client();
    expect((await c.sendActivity('嗯嗯，好的'))?.text).to.equal(messages('zh-CN').repair.acknowledged);
    expect((await c.sendActivity('ok sure'))?.text).to.equal(messages('en').repair.acknowledged);
  });

  it('gives the out-of-scope answer with the help menu', async () => {
    const c = client();
    const reply = (await c.sendActivity('what is the weather in Paris'))?.text;
    expect(reply).to.include(messages('en').outOfScope).and.include(messages('en').helpMenu);
  });

  it('handles help and agent without asking the recognizer', async () => {
    const recognizer = new FakeRecognizer();
    const c = client(recognizer);
    expect((await c.sendActivity('帮助'))?.text).to.equal(messages('zh-CN').helpMenu);
    expect((await c.sendActivity('agent'))?.text).to.include(messages('en').notYet);
    expect(recognizer.seen).to.deep.equal([]);
  });

  it('re-prompts the active child after help, in English', async () => {
    const c = client();
    await c.sendActivity('invoice please');
    expect((await c.sendActivity('help'))?.text).to.equal(messages('en').helpMenu);
    expect(c.getNextReply()?.text).to.equal('name?');
  });
});

describe('MainDialog when unsure', () => {
  it('asks which of two close intents the user means, with buttons, and routes the choice (zh-CN)', async () => {
    const c = client();
    const card = await c.sendActivity('许可证多了账单怎么算');
    // The question is the message text; the card carries the buttons.
    const content = card?.attachments?.[0]?.content as { actions: Array<{ title: string }> };
    expect(card?.text).to.equal(messages('zh-CN').whichOne);
    expect(content.actions.map((a) => a.title)).to.deep.equal([
      messages('zh-CN').intentNames.subscription,
      messages('zh-CN').intentNames.billing,
      messages('zh-CN').noneOfThese,
    ]);
    // billing is AskNameDialog in this client: choosing it starts that dialog.
    expect((await c.sendActivity(messages('zh-CN').intentNames.billing))?.text).to.equal('name?');
  });

  it('treats a new question typed instead of a choice as a new question (en)', async () => {
    const c = client();
    await c.sendActivity('license or bill, not sure');
    expect((await c.sendActivity('thanks'))?.text).to.equal(messages('en').thanks);
  });

  it('"None of these" shows the help menu', async () => {
    const c = client();
    await c.sendActivity('license or bill, not sure');
    expect((await c.sendActivity('None of these'))?.text).to.equal(messages('en').helpMenu);
  });

  it('offers the human handoff after two turns it did not understand in a row', async () => {
    const h = botHarness();
    expect(textsOf(await h.say('asdf qwer'))[0]).to.include(messages('en').outOfScope);
    const second = await h.say('zzzz yyyy');
    expect(second[0]!.text).to.equal(messages('en').offerHandoff);
    expect(textsOf(await h.say('no'))).to.deep.equal([messages('en').handoffDeclined]);
    // The streak starts again: one more miss is just a miss.
    expect(textsOf(await h.say('qqqq'))[0]).to.include(messages('en').outOfScope);
  });

  it('an understood turn resets the streak (zh-CN), and "是" takes the offer', async () => {
    const h = botHarness();
    await h.say('乱七八糟');
    await h.say('你好');
    expect(textsOf(await h.say('乱七八糟'))[0]).to.include(messages('zh-CN').outOfScope);
    expect(textsOf(await h.say('还是乱七八糟'))[0]).to.equal(messages('zh-CN').offerHandoff);
    expect(textsOf(await h.say('是'))[0]).to.include(messages('zh-CN').notYet);
  });
});
