import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { messages } from '../../bot/i18n/messages.js';
import { loadKnowledge } from '../../bot/knowledge/loadKnowledge.js';
import { articleIndex } from '../../scripts/lib/conversations/articleIndex.js';
import {
  checkArticle,
  checkLang,
  checkNoDeadEnd,
  checkNot,
  checkSays,
  checkTicket,
  checkTurn,
} from '../../scripts/lib/conversations/checks.js';
import { deadEndOf } from '../../scripts/lib/conversations/deadEnds.js';
import { loadCorpus } from '../../scripts/lib/conversations/loadCorpus.js';
import { repliesOf, type Reply, type WireActivity } from '../../scripts/lib/conversations/replies.js';
import { summarise } from '../../scripts/lib/conversations/report.js';
import { playScenario, runCorpus, startEvalBot, type EvalBot } from '../../scripts/lib/conversations/runConversations.js';
import { CorpusError, parseScenario, REPAIR_CLASSES, type Scenario } from '../../scripts/lib/conversations/scenario.js';

/**
 * The share of the corpus's scenarios each language must pass: the issue's 90%. Today's bot passes all
 * but one or two; the floor leaves room for a few scenarios' wobble after retraining, not for a real regression.
 */
const MIN_PASS_RATE = 0.9;

const ROOT = join(import.meta.dirname, '../..');
/** Articles the conversation-repair work is adding: scenarios may expect them (with `requires`, or as an alternative). */
const ANNOUNCED_ARTICLES = ['subscription/trial-expiry', 'connectivity/teams-network', 'config/icp-filing', 'howto/admin-centers'];
const zh = messages('zh-CN');
const en = messages('en');

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const reply = (text: string, cards: unknown[] = []): Reply =>
  repliesOf([{ type: 'message', text, attachments: cards.map((content) => ({ contentType: ADAPTIVE, content })) }])[0]!;
const imBack = (title: string) => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } });
const card = (title: string, extra: object = {}) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: title, weight: 'Bolder' },
    { type: 'TextBlock', text: 'summary' },
  ],
  actions: [imBack('Also: Add more licenses')],
  ...extra,
});
const PHONE = 'Use Outlook, Teams, OneDrive and Office on your phone';
const index = articleIndex([
  { id: 'howto/mobile-apps', title: PHONE },
  { id: 'subscription/add-licenses', title: 'Add more licenses' },
  { id: 'billing/fapiao', title: '申请增值税发票（发票）' },
]);

describe('eval:conversations checks', () => {
  it('says: each pattern must match some reply, case-insensitively, in text or card', () => {
    const replies = [reply('Invoice INV-202611-0101: ¥7,088.00'), reply('', [card('Due Dec 15, 2026')])];
    expect(checkSays(replies, ['inv-202611-0101', 'dec(ember)? 15'])).to.equal(undefined);
    expect(checkSays(replies, ['INV-202611-0101', 'fapiao'])).to.match(/fapiao/);
  });

  it('not: no pattern may match any reply', () => {
    const replies = [reply('Admin: Grace Liu, grace@brightwave.cn')];
    expect(checkNot(replies, ['alipay'])).to.equal(undefined);
    expect(checkNot(replies, ['grace@'])).to.match(/grace@/);
  });

  it('article: found by the card heading, by a markdown message that opens with the title, or by an id the card carries', () => {
    expect(checkArticle([reply('', [card(PHONE)])], ['howto/mobile-apps'], index)).to.equal(undefined);
    expect(checkArticle([reply('**申请增值税发票（发票）**\n\n通过经销商购买的订阅……')], ['billing/fapiao'], index)).to.equal(undefined);
    const carrying = card('Some new heading', { metadata: { articleId: 'howto/mobile-apps' } });
    expect(checkArticle([reply('', [carrying])], ['howto/mobile-apps'], index)).to.equal(undefined);
  });

  it('article: another article, a related-article button, or no article at all fails', () => {
    const shown = [reply('', [card(PHONE)])];
    expect(checkArticle(shown, ['subscription/add-licenses'], index)).to.match(/shown: howto\/mobile-apps/);
    expect(checkArticle([reply(en.outOfScope)], ['howto/mobile-apps'], index)).to.match(/shown: none/);
  });

  it('ticket: true wants an id, false wants none, same wants the one shown earlier', () => {
    const filed = [reply('Request T-1042 is open: our billing team will get back to you.')];
    const none = [reply('OK, I have not sent anything.')];
    expect(checkTicket(filed, true, undefined)).to.equal(undefined);
    expect(checkTicket(none, true, undefined)).to.match(/ticket id/);
    expect(checkTicket(none, false, undefined)).to.equal(undefined);
    expect(checkTicket(filed, false, undefined)).to.match(/T-1042/);
    expect(checkTicket(filed, 'same', 'T-1042')).to.equal(undefined);
    expect(checkTicket(filed, 'same', 'T-1041')).to.match(/T-1041/);
  });

  it('lang: Chinese and English replies; quoted Chinese examples and names do not make English Chinese', () => {
    expect(checkLang([reply(zh.greeting)], 'zh')).to.equal(undefined);
    expect(checkLang([reply(en.greeting)], 'zh')).to.match(/zh/);
    expect(checkLang([reply(zh.greeting)], 'en')).to.match(/en/);
    expect(checkLang([reply(en.customer.giveUp)], 'en')).to.equal(undefined);
    const company = '法布里卡姆贸易（上海）有限公司 Fabrikam Trading';
    expect(checkLang([reply(`Thank you, 王磊 (${company}).`)], 'en', ['王磊', company])).to.equal(undefined);
    expect(checkLang([reply('T-1042'), reply('Office 365 E3 目前有 30 个许可证，要增加几个？')], 'zh')).to.equal(undefined);
  });

  it('dead ends: the fallback, "answer yes or no", "pick a button" and an empty turn, in both languages, from the catalogs', () => {
    expect(deadEndOf([reply(`${en.outOfScope}\n\n${en.helpMenu}`)])?.kind).to.equal('fallback');
    expect(deadEndOf([reply(zh.offerHandoff)])?.kind).to.equal('fallback');
    expect(deadEndOf([reply(zh.faq.noAnswer)])?.kind).to.equal('fallback');
    expect(deadEndOf([reply(`${zh.yesNoHint}\n\n${zh.health.offerNotify}`)])?.kind).to.equal('yes-no');
    expect(deadEndOf([reply(en.customer.setup.taskHint)])?.kind).to.equal('buttons');
    expect(deadEndOf([reply(zh.escalation.report.severityHint)])?.kind).to.equal('buttons');
    expect(deadEndOf([])?.kind).to.equal('empty');
    expect(deadEndOf([reply(en.health.offerNotify), reply(en.customer.setup.askCompany)])).to.equal(undefined);
    expect(deadEndOf([reply(zh.customer.identify.domainHint)]), 'a hint about a malformed value says what to type').to.equal(undefined);
    expect(checkNoDeadEnd([reply(en.yesNoHint)])).to.match(/yes-no/);
  });

  it('checkTurn: the scenario language and noDeadEnd apply to every turn unless switched off', () => {
    const ctx = { lang: 'zh' as const, literals: [], articles: index };
    const fallback = [reply(`${en.outOfScope}\n\n${en.helpMenu}`)];
    expect(checkTurn({ say: 'hi' }, fallback, ctx).map((f) => f.check)).to.have.members(['lang', 'noDeadEnd']);
    expect(checkTurn({ say: 'hi', lang: 'en', noDeadEnd: false }, fallback, ctx)).to.deep.equal([]);
  });

  it('replies: message text and card text, with buttons; traces and events are not shown to the customer', () => {
    const wire: WireActivity[] = [
      {
        type: 'message',
        text: '还想了解什么？',
        attachments: [{ content: { type: 'AdaptiveCard', body: [], actions: [imBack('发票')] } }],
      },
      { type: 'trace', text: 'Bot State' },
      { type: 'event' },
    ];
    const [only, ...rest] = repliesOf(wire);
    expect(rest).to.deep.equal([]);
    expect(only!.text).to.equal('还想了解什么？\n发票');
    expect(only!.buttons).to.deep.equal([{ title: '发票', data: { msteams: { type: 'imBack', value: '发票' } } }]);
  });
});

describe('eval:conversations corpus files', () => {
  const valid = { id: 'zh-x', lang: 'zh', area: 'howto', classes: ['follow-up'], turns: [{ say: '华为手机呢', says: ['华为'] }] };

  it('a scenario with an unknown class, key, area or a malformed turn is refused with where it is', () => {
    expect(parseScenario(valid, 'f.yaml', 0).channel).to.equal('webchat');
    const parse = (changes: object) => () => parseScenario({ ...valid, ...changes }, 'f.yaml', 0);
    expect(parse({ classes: ['folow-up'] })).to.throw(CorpusError, /f\.yaml: zh-x: unknown class "folow-up"/);
    expect(parse({ area: 'billing' })).to.throw(CorpusError, /area/);
    expect(parse({ turns: [{ say: 'x', sayz: ['y'] }] })).to.throw(CorpusError, /turn 1: unknown key "sayz"/);
    expect(parse({ turns: [{ say: 'x', click: 'y' }] })).to.throw(CorpusError, /exactly one of say or click/);
    expect(parse({ turns: [{ say: 'x', says: ['(unclosed'] }] })).to.throw(CorpusError, /bad pattern/);
    expect(parse({ customer: 'northwind' })).to.throw(CorpusError, /Teams/);
  });

  it('the corpus has 80+ scenarios, 40+ per language, every repair class and area, and real article ids', async () => {
    const corpus = await loadCorpus(join(ROOT, 'test/conversations'), ROOT);
    expect(corpus.length).to.be.at.least(80);
    expect(corpus.filter((s) => s.lang === 'zh' && !s.requires).length).to.be.at.least(40);
    expect(corpus.filter((s) => s.lang === 'en' && !s.requires).length).to.be.at.least(40);
    expect(new Set(corpus.flatMap((s) => s.classes))).to.have.all.keys(...REPAIR_CLASSES);
    expect(new Set(corpus.map((s) => s.area)).size).to.equal(11);
    // An expected article is one of the knowledge base's, or one announced for the issue (a typo is neither).
    const known = new Set((await loadKnowledge(join(ROOT, 'knowledge/articles'))).articles.map((a) => a.id));
    const ids = corpus.flatMap((s) => s.turns.flatMap((t) => t.article ?? []).map((id) => ({ scenario: s.id, id })));
    expect(ids.filter(({ id }) => !known.has(id) && !ANNOUNCED_ARTICLES.includes(id))).to.deep.equal([]);
    // Without `requires`, every turn's list names at least one article that exists, so the turn can pass today.
    const unanswerable = corpus
      .filter((s) => !s.requires)
      .flatMap((s) => s.turns.filter((t) => t.article && !t.article.some((id) => known.has(id))).map(() => s.id));
    expect(unanswerable).to.deep.equal([]);
  });
});

describe('eval:conversations against the real bot', function () {
  this.timeout(300_000);
  let bot: EvalBot;
  before(async () => (bot = await startEvalBot({ root: ROOT })));
  after(() => bot?.stop());

  const scenario = (turns: Scenario['turns'], extra: Partial<Scenario> = {}): Scenario => ({
    id: 'probe',
    lang: 'en',
    area: 'howto',
    classes: ['chitchat'],
    channel: 'webchat',
    file: 'probe',
    turns,
    ...extra,
  });

  it('a scenario passes only when every check of every turn holds, and says which turn failed and what the bot said', async () => {
    const passing = await playScenario(bot, scenario([{ say: 'hello' }]));
    expect(passing.passed, JSON.stringify(passing.failures)).to.equal(true);
    const failing = await playScenario(bot, scenario([{ say: 'hello' }, { say: 'is exchange down?', says: ['this text is never said'] }]));
    expect(failing.passed).to.equal(false);
    expect(failing.failures).to.have.length(1);
    expect(failing.failures[0]).to.include({ turn: 2, check: 'says', said: 'is exchange down?' });
    expect(failing.failures[0]!.got).to.match(/Exchange/);
  });

  it('a Teams user of a demo tenant is identified, a click posts the button, and a missing button is a failure', async () => {
    const turns = [{ say: 'show me our latest invoice', says: ['INV-202611-0202'] }, { click: 'no such button' }];
    const result = await playScenario(bot, scenario(turns, { channel: 'teams', customer: 'northwind' }));
    expect(result.failures.map((f) => [f.turn, f.check])).to.deep.equal([[2, 'click']]);
  });

  it('a scenario whose required article is missing is skipped and counted apart', async () => {
    const skipped = await playScenario(bot, scenario([{ say: 'hello' }], { requires: ['howto/no-such-article'] }));
    const report = summarise([skipped]);
    expect(report.overall).to.deep.equal({ passed: 0, total: 0, rate: 0, skipped: 1 });
    expect(report.skipped).to.deep.equal([{ id: 'probe', missing: ['howto/no-such-article'] }]);
  });

  it(`the corpus: each language passes at least ${MIN_PASS_RATE * 100}% of its scenarios`, async () => {
    const report = summarise(await runCorpus(bot, await loadCorpus(join(ROOT, 'test/conversations'), ROOT)));
    expect(report.byLang.zh.rate, `zh ${report.byLang.zh.passed}/${report.byLang.zh.total}`).to.be.at.least(MIN_PASS_RATE);
    expect(report.byLang.en.rate, `en ${report.byLang.en.passed}/${report.byLang.en.total}`).to.be.at.least(MIN_PASS_RATE);
  });
});

describe('npm run eval:conversations', function () {
  this.timeout(120_000);
  const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const argv = ['--import', TSX, join(ROOT, 'scripts/evalConversations.ts'), ...args];
      execFile(process.execPath, argv, { cwd: ROOT, env: { PATH: process.env.PATH ?? '' } }, (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('--json prints one report object for the selected scenarios, exit code 0 even when they fail', async () => {
    const r = await run(['--json', '--only', 'zh-dns-what-to-configure', '--only', 'en-dns-propagation']);
    expect(r.code, r.stderr).to.equal(0);
    const report = JSON.parse(r.stdout) as {
      overall: { total: number };
      byLang: object;
      byClass: Record<string, unknown>;
      scenarios: { id: string; passed: boolean; failures: unknown[] }[];
    };
    expect(report.overall.total).to.equal(2);
    expect(report.byLang).to.have.all.keys('zh', 'en');
    expect(report.byClass).to.have.all.keys('rewording', 'follow-up');
    expect(report.scenarios.map((s) => s.id)).to.deep.equal(['zh-dns-what-to-configure', 'en-dns-propagation']);
  });

  it('an --only that selects nothing is a usage error (exit code 2)', async () => {
    const r = await run(['--only', 'no-such-scenario']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/no scenario matches/);
  });
});
