import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { messages } from '../../bot/i18n/messages.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { AskNameDialog } from '../support/askNameDialog.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';

function client(recognizer = new FakeRecognizer()) {
  return new DialogTestClient('test', new MainDialog(recognizer, { billing: new AskNameDialog() }));
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
