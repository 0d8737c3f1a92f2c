import { expect } from 'chai';
import { WaterfallDialog, ComponentDialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { parseYesNo } from '../../../bot/yesNo.js';
import { YesNoPrompt } from '../../../dialogs/prompts/yesNoPrompt.js';

class ConfirmOnce extends ComponentDialog {
  constructor() {
    super('confirmOnce');
    this.addDialog(new YesNoPrompt('yesNo'));
    this.addDialog(
      new WaterfallDialog('steps', [
        (step) => step.prompt('yesNo', { prompt: 'OK?' }),
        async (step) => {
          await step.context.sendActivity(`answer=${String(step.result)}`);
          return step.endDialog();
        },
      ]),
    );
    this.initialDialogId = 'steps';
  }
}

describe('yes/no', () => {
  it('understands the Chinese words botbuilder misses', () => {
    for (const yes of ['是', '是的', '对', '好', '可以', '确认', '好的', '没问题', 'yes', 'Y', 'ok', 'Sure!']) expect(parseYesNo(yes), yes).to.equal(true);
    for (const no of ['不', '不是', '不用了', '算了', '取消', '不要', 'no', 'No thanks', 'nope']) expect(parseYesNo(no), no).to.equal(false);
    for (const neither of ['也许', 'maybe', '明天再说吧', '', '是不是']) expect(parseYesNo(neither), neither).to.equal(undefined);
  });

  for (const [said, expected] of [
    ['对', 'answer=true'],
    ['可以', 'answer=true'],
    ['不用了', 'answer=false'],
    ['算了', 'answer=false'],
  ] as const) {
    it(`YesNoPrompt takes "${said}"`, async () => {
      const client = new DialogTestClient('msteams', new ConfirmOnce());
      const prompt = await client.sendActivity('start');
      expect(prompt?.text).to.equal('OK?');
      expect(prompt?.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect((await client.sendActivity(said))?.text).to.equal(expected);
    });
  }

  it('re-asks with a hint in the user language, and accepts a button click', async () => {
    const client = new DialogTestClient('msteams', new ConfirmOnce());
    await client.sendActivity('start');
    expect((await client.sendActivity('也许吧'))?.text).to.equal('请回答“是”或“否”。\n\nOK?');
    const reply = await client.sendActivity({ type: 'message', text: '', value: { msteams: { type: 'imBack', value: '是' } } });
    expect(reply?.text).to.equal('answer=true');
  });
});
