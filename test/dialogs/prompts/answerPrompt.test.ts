import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { messages } from '../../../bot/i18n/messages.js';
import type { CustomerDialogDeps } from '../../../dialogs/customerDialogDeps.js';
import { customerHarness, joined, type CustomerHarness } from '../../support/customerHarness.js';
import { PromptHost } from '../../support/promptHost.js';

const en = messages('en');
const zh = messages('zh-CN');
const CHOICES = [
  { id: 'basic', titles: ['Microsoft 365 Business Basic', '商业基础版'] },
  { id: 'standard', titles: ['Microsoft 365 Business Standard', '商业标准版'] },
  { id: 'e5', titles: ['Office 365 E5 (trial)', 'E5 试用版'] },
];
const HINT = 'Pick one of the three.';

/** "account help" (账号问题) asks a yes/no question, "invoice" (发票) a choice, as the rules of customerHarness route them. */
const hosts = (d: CustomerDialogDeps) => ({
  account_setup: new PromptHost('yesNoHost', { kind: 'yesno' }, { prompt: 'OK to send?', task: 'billingRequest' }, d.recognizer),
  billing: new PromptHost(
    'choiceHost',
    { kind: 'choice', keywords: { e5: /trial|试用/ } },
    { prompt: 'Which one?', hint: HINT, choices: CHOICES, task: 'subscriptionChange' },
    d.recognizer,
  ),
});
const buttons = (reply: Partial<Activity> | undefined) =>
  ((reply?.attachments?.[0]?.content as { actions?: Array<{ title: string }> } | undefined)?.actions ?? []).map((a) => a.title);
const answered = (value: unknown, note?: string) => `answer=${JSON.stringify({ kind: 'answer', value, ...(note && { note }) })}`;

describe('AnswerPrompt', () => {
  let h: CustomerHarness;
  beforeEach(async () => (h = await customerHarness(hosts)));
  afterEach(() => h.remove());

  describe('yes/no', () => {
    it('shows Yes and No buttons in the language of the customer', async () => {
      const asked = await h.say('account help');
      expect(joined(asked)).to.equal('OK to send?');
      expect(buttons(asked[0])).to.deep.equal([en.yes, en.no]);
      await h.say('cancel');
      expect(buttons((await h.say('账号问题'))[0])).to.deep.equal([zh.yes, zh.no]);
    });

    it('reads natural confirmations and refusals in English and Chinese', async () => {
      const cases: Array<[string, string, boolean]> = [
        ['account help', 'yes please', true],
        ['account help', 'ok do it', true],
        ['account help', 'sure, go ahead', true],
        ['账号问题', '是的，麻烦帮我们弄一下', true],
        ['账号问题', '行，提交吧', true],
        ['账号问题', '好的', true],
        ['account help', 'no thanks', false],
        ['account help', 'not now', false],
        ['账号问题', '不用了', false],
        ['账号问题', '先不要', false],
      ];
      for (const [open, reply, value] of cases) {
        await h.say(open);
        const said = joined(await h.say(reply));
        expect(JSON.parse(said.replace(/^answer=/, '')), reply).to.deep.include({ kind: 'answer', value });
      }
    });

    it('keeps what follows a yes as a note', async () => {
      await h.say('账号问题');
      expect(joined(await h.say('好，顺便把上个月的也开了'))).to.equal(answered(true, '顺便把上个月的也开了'));
    });

    it('asks again with the yes/no hint after an unusable answer, and gives up after the third', async () => {
      await h.say('account help');
      expect(joined(await h.say('maybe'))).to.equal(`${en.yesNoHint}\nOK to send?`);
      expect(joined(await h.say('hmm'))).to.equal(`${en.yesNoHint}\nOK to send?`);
      expect(joined(await h.say('perhaps'))).to.equal('answer={"kind":"gaveUp"}');
    });

    it('answers "are you a bot?" itself and asks again', async () => {
      await h.say('account help');
      expect(joined(await h.say('are you a bot?'))).to.equal(`${en.repair.iAmABot}\nOK to send?`);
      expect(joined(await h.say('yes'))).to.equal(answered(true));
    });
  });

  describe('choice', () => {
    it('shows the options as buttons and takes a number, a position word, a title in either language, or a close wording', async () => {
      const asked = await h.say('invoice');
      expect(joined(asked)).to.equal('Which one?');
      expect(buttons(asked[0])).to.deep.equal(CHOICES.map((c) => c.titles[0]));
      const cases = [
        ['2', 'standard'],
        ['第三个', 'e5'],
        ['商业基础版', 'basic'],
        ['Microsoft 365 Business Standard', 'standard'],
        ['the standard one', 'standard'],
        ['the trial', 'e5'],
      ];
      for (const [reply, id] of cases) {
        if (reply !== '2') await h.say('invoice');
        expect(joined(await h.say(reply!)), reply).to.equal(answered(id));
      }
    });

    it('asks again with the hint and the buttons after an unusable answer', async () => {
      await h.say('invoice');
      const again = await h.say('hmm');
      expect(joined(again)).to.equal(`${HINT}\nWhich one?`);
      expect(buttons(again[1])).to.deep.equal(CHOICES.map((c) => c.titles[0]));
    });

    it('a typed question at the menu is not refused: it is answered, and the menu comes back on "continue"', async () => {
      await h.say('invoice');
      const side = await h.say('wait, will we lose our mailboxes?');
      expect(joined(side)).to.not.include(HINT);
      expect(side.at(-1)?.text).to.equal(en.repair.resumeOffer(en.repair.taskNames.subscriptionChange));
      const back = await h.say('continue');
      expect(joined(back)).to.equal('Which one?');
      expect(buttons(back[0])).to.deep.equal(CHOICES.map((c) => c.titles[0]));
      expect(joined(await h.say('1'))).to.equal(answered('basic'));
    });

    it('"cancel" at the menu ends the task it belongs to', async () => {
      await h.say('发票');
      expect(joined(await h.say('取消'))).to.equal(zh.repair.cancelledTask(zh.repair.taskNames.subscriptionChange));
    });
  });
});
