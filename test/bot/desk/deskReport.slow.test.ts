import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutcomeReport } from '../../../bot/outcomes/outcomeReport.js';
import { askForPerson, DESK_TOKEN, DeskHarness } from '../../support/deskHarness.js';

const ROOT = join(import.meta.dirname, '../../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** `npm run --silent report -- …` as its own process on the bot's DATA_DIR. */
function reportCli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts/report.ts'), ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('outcomes: recorded per conversation and day, and `npm run report`', function () {
  this.timeout(60_000);
  const h = new DeskHarness();
  const say = (conversation: string, text: string, extra: Record<string, unknown> = {}) =>
    h.say(conversation, { id: `user-${conversation}`, name: 'Li Wei' }, text, extra);

  before(async () => {
    // The clock is the real one here: the CLI reports the days up to today.
    h.clock.now = new Date();
    await h.start();
    await h.say('desk-chat', { id: 'agent-1', name: 'Wang Fang' }, `/desk ${DESK_TOKEN}`);
    await say('contained-en', 'hello');
    await say('contained-en', 'thank you');
    await say('abandoned-zh', '你好', { locale: 'zh-CN' });
    await say('abandoned-zh', '火星上的天气怎么样', { locale: 'zh-CN' }); // out of scope, and then nothing more
    await say('unanswered-en', 'teams xylophone quokka marmalade');
    await askForPerson((text) => say('handoff-en', text));
    await h.say('desk-chat', { id: 'agent-1', name: 'Wang Fang' }, '', { value: { deskAction: 'take', ticketId: 'T-1001' } });
    await h.say('desk-chat', { id: 'agent-1', name: 'Wang Fang' }, '', { value: { deskAction: 'resolve', ticketId: 'T-1001' } });
    await say('handoff-en', '', { value: { csat: 'T-1001', rating: 5 } });
  });
  after(() => h.stop());

  it('counts conversations, contained, abandoned and handoffs per language, with take time and CSAT', async () => {
    const { code, stdout, stderr } = await reportCli(h.dataDir, '--json', '--days', '7');
    expect(code, stderr).to.equal(0);
    const report = JSON.parse(stdout) as OutcomeReport;
    expect(report.days).to.equal(7);
    expect(report.overall).to.deep.include({ conversations: 4, contained: 1, abandoned: 2, handoffs: 1, taken: 1 });
    expect(report.languages['zh-CN']).to.deep.include({ conversations: 1, contained: 0, abandoned: 1, handoffs: 0 });
    expect(report.languages.en).to.deep.include({ conversations: 3, contained: 1, abandoned: 1, handoffs: 1 });
    expect(report.overall.medianTimeToTakeSeconds).to.be.a('number');
    expect(report.overall.medianHandlingSeconds).to.be.a('number');
    expect(report.overall.csat).to.deep.equal({ responses: 1, average: 5, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 1 } });
    expect(report.languages.en.topUnanswered).to.deep.equal([{ question: 'teams xylophone quokka marmalade', count: 1 }]);
    expect(report.languages['zh-CN'].topUnanswered).to.deep.equal([]);
    // The desk's own chat is not a customer conversation.
    expect(report.overall.conversations).to.equal(4);
  });

  it('prints a table per language and overall, and refuses bad arguments with the usage', async () => {
    const text = await reportCli(h.dataDir);
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/Conversations\s+4\s+1\s+3/);
    expect(text.stdout).to.match(/Contained\s+1 \(25%\)\s+0 \(0%\)\s+1 \(33%\)/);
    expect(text.stdout).to.include('1×  teams xylophone quokka marmalade');
    const bad = await reportCli(h.dataDir, '--days', 'ten');
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.include('--days must be a whole number').and.include('usage: npm run --silent report');
  });

  it('/desk/report.json answers only with the desk token; the page and Chart.js come from the bot', async () => {
    const url = `${h.app!.url}/desk/report.json?days=7`;
    expect((await fetch(url)).status).to.equal(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer desk-token-for-tests-0124' } })).status).to.equal(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${DESK_TOKEN}` } });
    expect(ok.status).to.equal(200);
    expect(((await ok.json()) as OutcomeReport).overall.conversations).to.equal(4);
    expect((await fetch(`${h.app!.url}/desk/report.json?days=0`, { headers: { authorization: `Bearer ${DESK_TOKEN}` } })).status).to.equal(
      400,
    );
    const page = await fetch(`${h.app!.url}/desk/report`);
    expect(page.headers.get('content-security-policy')).to.include("script-src 'self'");
    expect(await page.text())
      .to.include('<script src="/desk/chart.js"></script>')
      .and.not.include('http');
    const chart = await fetch(`${h.app!.url}/desk/chart.js`);
    expect(chart.status).to.equal(200);
    expect(await chart.text()).to.include('Chart.js v4.6.1');
  });
});

describe('the report page without DESK_TOKEN', () => {
  const h = new DeskHarness({ DESK_TOKEN: '' });
  before(() => h.start());
  after(() => h.stop());

  it('is not served at all', async () => {
    expect((await fetch(`${h.app!.url}/desk/report`)).status).to.equal(404);
    expect((await fetch(`${h.app!.url}/desk/report.json`, { headers: { authorization: 'Bearer ' } })).status).to.equal(404);
  });
});
