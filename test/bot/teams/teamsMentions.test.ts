import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { stripBotMention } from '../../../bot/teams/teamsMentions.js';

const bot = { id: '28:bot', name: 'CSP Support' };
const mention = (id: string, name: string, text = `<at>${name}</at>`) => ({ type: 'mention', mentioned: { id, name }, text });

function strip(text: string, entities: object[]): Activity {
  const activity = { type: 'message', channelId: 'msteams', text, recipient: bot, entities } as unknown as Activity;
  stripBotMention(activity);
  return activity;
}

describe('stripBotMention', () => {
  it('removes the bot’s tag wherever it is and every mention entity of the bot, keeping other entities', () => {
    const a = strip('please <at>CSP Support</at> check T-1001 <at>CSP Support</at>', [
      mention(bot.id, bot.name),
      mention(bot.id, bot.name),
      { type: 'clientInfo', locale: 'zh-CN' },
    ]);
    expect(a.text).to.equal('please check T-1001');
    expect(a.entities).to.deep.equal([{ type: 'clientInfo', locale: 'zh-CN' }]);
  });

  it('a message that is only the mention becomes empty (the bot then asks what they need)', () => {
    expect(strip('<at>CSP Support</at>', [mention(bot.id, bot.name)]).text).to.equal('');
  });

  it('Chinese: a Chinese display name with no space before the text, and a full-width space', () => {
    expect(strip('<at>云服务支持</at>我的工单', [mention(bot.id, '云服务支持')]).text).to.equal('我的工单');
    expect(strip('<at>云服务支持</at>\u3000发票在哪里', [mention(bot.id, '云服务支持')]).text).to.equal('发票在哪里');
  });

  it('keeps other people’s mentions as plain names, and leaves a message without tags untouched', () => {
    const a = strip('<at>CSP Support</at> ask <at>Zhang Min</at> about it', [mention(bot.id, bot.name), mention('29:zm', 'Zhang Min')]);
    expect(a.text).to.equal('ask Zhang Min about it');
    expect(a.entities).to.have.length(1);
    const plain = strip('a  b\n\nc', []);
    expect(plain.text).to.equal('a  b\n\nc');
  });

  it('a tag naming the bot without an entity (some clients omit it) is removed by name', () => {
    expect(strip('<at>CSP Support</at> hello', []).text).to.equal('hello');
  });
});
