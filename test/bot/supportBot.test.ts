import { expect } from 'chai';
import { messages } from '../../bot/i18n/messages.js';
import { AskNameDialog, BrokenDialog } from '../support/askNameDialog.js';
import { botHarness, cardTexts, textsOf } from '../support/botHarness.js';

const zh = messages('zh-CN');
const en = messages('en');

describe('SupportBot', () => {
  describe('welcome', () => {
    it('greets a new member with one card in both languages, and not the bot itself', async () => {
      const h = botHarness();
      h.adapter.activeQueue.splice(0);
      await h.adapter.receiveActivity({
        type: 'conversationUpdate',
        membersAdded: [
          { id: 'bot', name: 'Bot' },
          { id: 'user1', name: 'User' },
        ],
        recipient: { id: 'bot', name: 'Bot' },
      });
      const replies = h.adapter.activeQueue.splice(0);
      expect(replies).to.have.length(1);
      const card = replies[0]!.attachments![0]!;
      expect(card.contentType).to.equal('application/vnd.microsoft.card.adaptive');
      expect((card.content as { version: string }).version).to.equal('1.5');
      const text = cardTexts(card);
      expect(text).to.include(zh.welcomeTitle).and.include(en.welcomeTitle);
      expect(text).to.include(zh.examples[0]).and.include(en.examples[0]);
    });
  });

  describe('language', () => {
    it('answers Chinese in Chinese and English in English, message by message', async () => {
      const h = botHarness();
      expect(textsOf(await h.say('你好'))).to.deep.equal([zh.greeting]);
      expect(textsOf(await h.say('hello'))).to.deep.equal([en.greeting]);
      expect(textsOf(await h.say('谢谢'))).to.deep.equal([zh.thanks]);
    });

    it('keeps the last language for messages with no letters, such as a ticket id', async () => {
      const h = botHarness();
      await h.say('你好');
      expect(textsOf(await h.say('12345'))[0]).to.include(zh.outOfScope);
    });

    it('switches on "English please" and the choice sticks even for Chinese messages', async () => {
      const h = botHarness();
      expect(textsOf(await h.say('English please'))).to.deep.equal([en.languageSwitched]);
      expect(textsOf(await h.say('你好'))).to.deep.equal([en.greeting]);
      expect(textsOf(await h.say('请用中文'))).to.deep.equal([zh.languageSwitched]);
      expect(textsOf(await h.say('hello'))).to.deep.equal([zh.greeting]);
    });

    it('tells the user honestly when it cannot help yet, with the help menu', async () => {
      const h = botHarness();
      const [reply] = textsOf(await h.say('我要看上个月的发票'));
      expect(reply).to.include(zh.notYet).and.include(zh.helpMenu);
      const [replyEn] = textsOf(await h.say('show me my invoice'));
      expect(replyEn).to.include(en.notYet);
    });

    it('says so for an empty message instead of routing it', async () => {
      const h = botHarness();
      expect(textsOf(await h.say('   '))).to.deep.equal([en.emptyMessage]);
    });

    it('treats a card button value like typed text', async () => {
      const h = botHarness();
      const replies = await h.say('', { value: { msteams: { type: 'imBack', value: '你好' } } });
      expect(textsOf(replies)).to.deep.equal([zh.greeting]);
    });
  });

  describe('interruptions inside a dialog', () => {
    const children = () => ({ billing: new AskNameDialog() });

    for (const [lang, m, start, cancel, help, restart] of [
      ['zh-CN', zh, '发票', '取消', '帮助', '重新开始'],
      ['en', en, 'invoice', 'cancel', 'help', 'start over'],
    ] as const) {
      it(`cancel, help and start over work at a prompt (${lang})`, async () => {
        const h = botHarness({ children: children() });
        expect(textsOf(await h.say(start))).to.deep.equal(['name?']);
        const helpReplies = textsOf(await h.say(help));
        expect(helpReplies).to.deep.equal([m.helpMenu, 'name?']);
        expect(textsOf(await h.say('Alice'))).to.deep.equal(['got Alice']);

        await h.say(start);
        expect(textsOf(await h.say(cancel))).to.deep.equal([m.cancelled]);
        // The dialog is gone: the next message is routed afresh, not taken as the name.
        expect(textsOf(await h.say(start))).to.deep.equal(['name?']);
        expect(textsOf(await h.say(restart))[0]).to.include(m.startOver);
        expect(textsOf(await h.say(cancel))).to.deep.equal([m.nothingToCancel]);
      });
    }

    it('"转人工" mid-dialog leaves the dialog and goes to the handoff route', async () => {
      const h = botHarness({ children: children() });
      await h.say('发票');
      const [reply] = textsOf(await h.say('转人工'));
      expect(reply).to.include(zh.notYet);
      expect(textsOf(await h.say('发票'))).to.deep.equal(['name?']);
    });
  });

  describe('error recovery', () => {
    for (const [lang, m, start] of [
      ['zh-CN', zh, '发票'],
      ['en', en, 'invoice'],
    ] as const) {
      it(`apologises with a logged reference id and clears the broken dialog (${lang})`, async () => {
        const h = botHarness({ children: { billing: new BrokenDialog() } });
        await h.say(start);
        const [apology] = textsOf(await h.say(lang === 'en' ? 'anything' : '随便'));
        const ref = /([0-9A-F]{8})/.exec(apology!)?.[1];
        expect(ref, apology).to.be.a('string');
        expect(apology).to.equal(m.errorApology(ref!));
        expect(apology).to.not.include('secret internal detail');
        const logged = h.logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'turn_error');
        expect(logged?.ref).to.equal(ref);
        // The stack was cleared: the bot answers normally afterwards.
        expect(textsOf(await h.say(lang === 'en' ? 'hello' : '你好'))).to.deep.equal([m.greeting]);
      });
    }

    it('logs no message text at the default level', async () => {
      const h = botHarness();
      await h.say('我的邮箱 secret@example.com 收不到邮件');
      expect(h.logLines.join('\n')).to.not.include('secret@example.com').and.not.include('收不到');
    });
  });
});
