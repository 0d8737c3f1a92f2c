import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { deskMessages } from '../../../bot/i18n/deskMessages.js';
import { reportMessages } from '../../../bot/i18n/reportMessages.js';
import { silentLogger } from '../../../bot/log.js';
import { createRecognizer } from '../../../bot/nlu/createRecognizer.js';
import { CHROMIUM, hasChromium, openPage, type OpenPage } from '../../support/chromiumPage.js';
import { makeTempDir } from '../../support/tempDir.js';

const TOKEN = 'browser-desk-token-2026';
const WAIT_MS = 30_000;
const zh = deskMessages('zh-CN');

async function type(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(text);
  await box.press('Enter');
}

const shows = (page: Page, text: string) => page.getByText(text, { exact: true }).first().waitFor({ timeout: WAIT_MS });

describe('the desk in headless Chromium: customer and agent each on a local Web Chat page', function () {
  this.timeout(180_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: RunningApp | undefined;
  const pages: OpenPage[] = [];

  before(async function () {
    if (!hasChromium()) {
      console.log(`    Skipping the browser test: ${CHROMIUM} is missing (Debian: apt-get install chromium).`);
      this.skip();
    }
    dir = await makeTempDir('desk-browser-');
    const config = loadConfig({ DATA_DIR: dir.path, PORT: '0', DESK_TOKEN: TOKEN });
    app = await startApp({ config, logger: silentLogger, recognizer: await createRecognizer(config, silentLogger) });
  });
  after(async () => {
    for (const p of pages) await p.close();
    await app?.stop();
    await dir?.remove();
  });

  it('the agent page becomes the desk, takes the handoff, and one message goes each way', async () => {
    const agent = await openPage(`${app!.url}/`, 'zh-CN');
    const customer = await openPage(`${app!.url}/`, 'zh-CN');
    pages.push(agent, customer);
    await agent.page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: WAIT_MS });
    await type(agent.page, `/desk ${TOKEN}`);
    await shows(agent.page, zh.registered);

    await customer.page.locator('[data-id="webchat-sendbox-input"]').waitFor({ timeout: WAIT_MS });
    // The handoff asks an anonymous visitor for a name and a contact: each answer waits for the next question.
    for (const text of ['转人工', '李伟', 'li.wei@contoso.cn']) {
      const answers = customer.page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
      const before = await answers.count();
      await type(customer.page, text);
      await answers.nth(before).waitFor({ timeout: WAIT_MS });
    }
    await type(customer.page, 'Outlook 一直提示输入密码');
    await shows(customer.page, zh.handedOver('T-1001', zh.team(undefined)));

    const take = agent.page.getByRole('button', { name: 'Take / 接手', exact: true }).first();
    await take.waitFor({ timeout: WAIT_MS });
    await take.click();
    await shows(customer.page, zh.agentJoined(zh.agentFallback, zh.team(undefined)));

    await type(customer.page, '您好，还在吗');
    await shows(agent.page, zh.customerSays('T-1001', '李伟', '您好，还在吗'));
    await type(agent.page, 'T-1001 我来帮您处理');
    await shows(customer.page, zh.agentSays(zh.agentFallback, '我来帮您处理'));
    expect([...agent.problems, ...customer.problems]).to.deep.equal([]);
  });

  it('/desk/report shows the figures with Chart.js from the bot, only with the desk token', async () => {
    const m = reportMessages('zh-CN');
    const report = await openPage(`${app!.url}/desk/report`, 'zh-CN');
    pages.push(report);
    const { page } = report;
    expect(await page.title()).to.equal(m.title);
    await page.locator('#token').fill('not-the-token-at-all');
    await page.getByRole('button', { name: m.show }).click();
    await page.getByText(m.wrongToken).waitFor({ timeout: WAIT_MS });
    expect(await page.locator('#figures').isHidden()).to.equal(true);

    await page.locator('#token').fill(TOKEN);
    await page.getByRole('button', { name: m.show }).click();
    await page.locator('#figures[data-ready="true"]').waitFor({ timeout: WAIT_MS });
    const conversations = await page.locator(`tr[data-metric="${m.conversations}"] td`).allInnerTexts();
    expect(Number(conversations[0])).to.equal(1); // the customer's chat; the desk's own chat is not counted
    expect(await page.locator(`tr[data-metric="${m.handoffs}"] td`).first().innerText()).to.equal('1');
    const drawn = await page.evaluate(() =>
      ['outcomes-chart', 'csat-chart'].map((id) => {
        const chart = (
          window as unknown as { Chart: { getChart(el: Element | null): { data: { datasets: unknown[] } } | undefined } }
        ).Chart.getChart(document.getElementById(id));
        return chart?.data.datasets.length ?? 0;
      }),
    );
    expect(drawn).to.deep.equal([4, 2]);
    expect(report.problems).to.deep.equal([]);
  });
});
