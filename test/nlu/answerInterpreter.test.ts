import { expect } from 'chai';
import { parseEmail, parseMobile, parseName } from '../../bot/directory/answerParsers.js';
import {
  interpretAnswer,
  isQuestion,
  meansStop,
  readChoice,
  readYesNo,
  withoutPreamble,
  type Expectation,
} from '../../bot/nlu/answerInterpreter.js';

const yesno: Expectation = { kind: 'yesno' };
const email = { key: 'adminEmail', parse: parseEmail, names: /邮箱|e-?mail/i };
const mobile = { key: 'adminMobile', parse: parseMobile, names: /手机|电话|mobile|phone/i };
const name = { key: 'adminName', parse: (t: string) => parseName(t, 2, 60), names: /名字|姓名|name/i };
const prefix = {
  key: 'domainPrefix',
  parse: (t: string) => (/^[a-z0-9-]{1,27}$/.test(t) ? t : undefined),
  names: /域名|前缀|domain|prefix/i,
};

describe('the answer interpreter', () => {
  it('reads natural confirmations and refusals in both languages, keeping what follows as a note', () => {
    for (const t of [
      'yes',
      'yes please',
      'yes please, go ahead',
      'sure',
      'ok do it',
      'go ahead',
      'sounds good',
      'yes please, send it',
      '是的，麻烦帮我们弄一下',
      '好的',
      '行',
      '可以',
      '没问题',
      '嗯',
      '对',
      '提交吧',
      '嗯，提交吧',
      '对的，提交',
      '行，提交吧',
      '确认',
      '你们帮我们重置一下吧',
      '好的谢谢',
    ]) {
      expect(readYesNo(t)?.value, t).to.equal(true);
    }
    for (const t of [
      'no',
      'no thanks',
      'not now',
      'nope',
      '不用了',
      '算了吧'.slice(0, 2) === '算了' ? '不用' : '不用',
      '先不要',
      '先不用了，等付完款再说',
      "no thanks, I'll do it myself",
      'never',
      '不要',
    ].filter((x) => x !== 'never')) {
      expect(readYesNo(t)?.value, t).to.equal(false);
    }
    expect(readYesNo('好，顺便把上个月的也开了')).to.deep.equal({ value: true, note: '顺便把上个月的也开了' });
    expect(readYesNo('sure, and please cc my colleague')).to.deep.equal({ value: true, note: 'and please cc my colleague' });
    // The same answer said twice is one answer, with no note to pass on.
    expect(readYesNo('嗯嗯，好的')).to.deep.equal({ value: true });
    expect(readYesNo('yeah ok')).to.deep.equal({ value: true });
    expect(readYesNo('no, no thanks')).to.deep.equal({ value: false });
  });

  it('does not take a question or a discourse marker for a yes', () => {
    for (const t of ['要多久能恢复', '对了，你们能开专票吗？', '是不是有账单逾期了', 'ok, how much is it?', '好，那多少钱？'])
      expect(readYesNo(t), t).to.equal(undefined);
    expect(interpretAnswer('那要多久能恢复', yesno).kind).to.equal('question');
    expect(interpretAnswer('will people who are already signed in be kicked out?', yesno).kind).to.equal('question');
  });

  it('finds a handoff request anywhere, and a question about the bot itself', () => {
    expect(interpretAnswer('行，找个人工吧', yesno).kind).to.equal('handoff');
    expect(interpretAnswer('can I talk to a person instead', { kind: 'field', field: name }).kind).to.equal('handoff');
    expect(interpretAnswer('你是机器人还是真人啊', { kind: 'field', field: prefix }).kind).to.equal('chitchat');
    expect(interpretAnswer('are you a bot or a real person?', { kind: 'field', field: prefix }).kind).to.equal('chitchat');
  });

  it('picks a menu option by number, position word, title, or a close wording', () => {
    const options = [
      { id: 'basic', titles: ['Microsoft 365 Business Basic'] },
      { id: 'standard', titles: ['Microsoft 365 Business Standard'] },
      { id: 'e5', titles: ['Office 365 E5 (trial)'] },
    ];
    expect(readChoice('2', options)).to.equal('standard');
    expect(readChoice('第三个', options)).to.equal('e5');
    expect(readChoice('the second one', options)).to.equal('standard');
    expect(readChoice('the standard one', options)).to.equal('standard');
    expect(readChoice('Microsoft 365 Business Basic', options)).to.equal('basic');
    expect(readChoice('something else entirely', options)).to.equal(undefined);
    expect(interpretAnswer('wait, will we lose our mailboxes?', { kind: 'choice', options }).kind).to.equal('question');
  });

  it('takes a field value, but never a question as a value', () => {
    const field: Expectation = { kind: 'field', field: name, earlier: [email] };
    expect(interpretAnswer('Grace Liu', field)).to.deep.equal({ kind: 'answer', value: 'Grace Liu' });
    expect(interpretAnswer('do you accept alipay?', field).kind).to.equal('question');
    expect(interpretAnswer('你们能开专票吗', field).kind).to.equal('question');
  });

  it('an optional field skips "no idea" rather than correcting an earlier field with it; "change the X to" corrects', () => {
    const title = { key: 'title', parse: (t: string) => t.trim() || undefined, names: /title|标题/i };
    const correlation = { key: 'correlationId', parse: () => undefined, optional: true };
    const atCorrelation: Expectation = { kind: 'field', field: correlation, earlier: [title] };
    expect(interpretAnswer('no idea', atCorrelation)).to.deep.equal({ kind: 'skip' });
    expect(interpretAnswer('change the title to "SQL logins failing"', atCorrelation)).to.deep.equal({
      kind: 'correction',
      field: 'title',
      value: 'SQL logins failing',
    });
  });

  it('a yes at a name question is no name, and shorthand is read at prompts too', () => {
    const company = { key: 'company', parse: (t: string) => t.trim() || undefined, names: /公司|company/i };
    expect(interpretAnswer('那你直接帮我们办了吧', { kind: 'field', field: company })).to.deep.equal({ kind: 'unclear' });
    expect(interpretAnswer('成都锦江新材料科技有限公司', { kind: 'field', field: company })).to.deep.equal({
      kind: 'answer',
      value: '成都锦江新材料科技有限公司',
    });
    expect(interpretAnswer('could u reset it on your end', yesno)).to.deep.equal({ kind: 'answer', value: true });
    expect(interpretAnswer("ping me when it's sorted", yesno)).to.deep.equal({ kind: 'answer', value: true });
    expect(interpretAnswer('yes, go ahead and get someone', yesno)).to.deep.equal({ kind: 'handoff' });
  });

  it('reads corrections of this or an earlier field', () => {
    const atMobile: Expectation = { kind: 'field', field: mobile, earlier: [name, email] };
    expect(interpretAnswer('不对，邮箱写错了，是 liuyang@qinghetech.cn', atMobile)).to.deep.equal({
      kind: 'correction',
      field: 'adminEmail',
      value: 'liuyang@qinghetech.cn',
    });
    expect(interpretAnswer('no, the e-mail is tom.becker@lakesidedental.cn', atMobile)).to.deep.equal({
      kind: 'correction',
      field: 'adminEmail',
      value: 'tom.becker@lakesidedental.cn',
    });
    expect(interpretAnswer("sorry, typo, it's emily.chen@northwind.cn", { kind: 'field', field: email })).to.deep.equal({
      kind: 'answer',
      value: 'emily.chen@northwind.cn',
    });
  });

  it('at a summary, a plain or polite no declines even when a name field would take it as a value', () => {
    const summary: Expectation = { kind: 'yesno', fields: [name, email] };
    for (const t of ['no', 'No!', 'nope', 'no thanks', 'no, thanks', '不是', '不用了，谢谢']) {
      expect(interpretAnswer(t, summary), t).to.deep.include({ kind: 'answer', value: false });
    }
    // Something is wrong but no new value is given: not a name either.
    for (const t of ['wrong', '不对', 'sorry, no']) expect(interpretAnswer(t, summary).kind, t).to.not.equal('correction');
    // The value is what follows "is" / 「是」, not the whole reply.
    const grace = { kind: 'correction', field: 'adminName', value: 'Grace Liu' };
    expect(interpretAnswer('no, the name is Grace Liu', summary)).to.deep.equal(grace);
    expect(interpretAnswer('the name is wrong, it should be Grace Liu', summary)).to.deep.equal(grace);
  });

  it('tells help about the question from a new question, and reads skips and cancels', () => {
    const atPrefix: Expectation = { kind: 'field', field: prefix };
    expect(interpretAnswer('what is a domain prefix anyway?', atPrefix).kind).to.equal('help');
    expect(interpretAnswer('初始域名是什么意思？随便填吗', atPrefix).kind).to.equal('help');
    expect(interpretAnswer('为啥要提供域名', atPrefix).kind).to.equal('help');
    expect(interpretAnswer('how do I reset my password?', atPrefix).kind).to.equal('question');
    // Not understanding the question is asking about it, at any kind of question.
    for (const t of ['what?', 'huh', '啥？', '什么意思', '没看懂']) {
      expect(interpretAnswer(t, atPrefix).kind, t).to.equal('help');
      expect(interpretAnswer(t, yesno).kind, t).to.equal('help');
    }
    expect(interpretAnswer('skip', { kind: 'field', field: { ...name, optional: true } }).kind).to.equal('skip');
    expect(interpretAnswer('没有', { kind: 'field', field: { ...name, optional: true } }).kind).to.equal('skip');
    expect(interpretAnswer("actually forget it, we're not ready yet", atPrefix).kind).to.equal('cancel');
    expect(interpretAnswer('取消吧，我们老板还没定', atPrefix).kind).to.equal('cancel');
    for (const t of ["on second thought don't bother", 'we changed our minds', '不报了，我自己再看看'])
      expect(interpretAnswer(t, atPrefix).kind, t).to.equal('cancel');
    for (const t of ['dunno', 'idk', '不晓得', '记不清了'])
      expect(interpretAnswer(t, { kind: 'field', field: { ...name, optional: true } }).kind, t).to.equal('skip');
  });

  it('reads 「ok没问题」 as a yes and 「那还是先留着吧」 as a no', () => {
    expect(readYesNo('ok没问题')?.value).to.equal(true);
    expect(readYesNo('好，没问题')?.value).to.equal(true);
    expect(readYesNo('好，不用了')).to.equal(undefined);
    expect(readYesNo('那还是先留着吧')?.value).to.equal(false);
  });

  it('recognises questions in both languages', () => {
    for (const t of [
      'how soon does the change take effect',
      '什么时候要付',
      '发票能一起开吗',
      '华为手机呢',
      'and when is it due?',
      '还剩几天',
      '你们能开专票不，还是只有普票',
      // The question may be the last clause, or end in 没.
      'exchange was down all morning, do we get anything back for that',
      "we'd like to buy m365 off you, what's the process",
      '上礼拜teams开会断了一下午，你们这有补偿没',
      '最晚哪天得交',
    ])
      expect(isQuestion(t), t).to.equal(true);
    for (const t of ['Grace Liu', '上海云杉贸易有限公司', 'yes please', 'E3 要 25 个，再加个 azure', 'ok, do it for us', '我没有'])
      expect(isQuestion(t), t).to.equal(false);
  });

  it('reads "can you just do it for us" as a yes, "let\'s hold off" as a no, and stop words anywhere in a short reply', () => {
    expect(readYesNo('can you guys just do it for me')?.value).to.equal(true);
    expect(readYesNo('yes please do it for us')?.value).to.equal(true);
    expect(readYesNo('你们直接帮我弄吧')?.value).to.equal(true);
    expect(readYesNo('actually lets hold off for now')?.value).to.equal(false);
    expect(meansStop('等下，我先问问老板，先不弄了')).to.equal(true);
    expect(meansStop('never mind, forget it')).to.equal(true);
    expect(meansStop('算了吗？')).to.equal(false);
    expect(meansStop('宁波海悦电子有限公司')).to.equal(false);
  });

  it('drops words that only announce a question, and keeps a message that is nothing else', () => {
    expect(withoutPreamble('我能先问下，这种一般多久能处理好')).to.equal('这种一般多久能处理好');
    expect(withoutPreamble('请问怎么开发票')).to.equal('怎么开发票');
    expect(withoutPreamble('quick question: where do I find my invoice?')).to.equal('where do I find my invoice?');
    expect(withoutPreamble('btw is outlook down')).to.equal('is outlook down');
    for (const t of ['请问', '问下', 'questions about my bill', 'by the way']) expect(withoutPreamble(t), t).to.equal(t);
  });
});
