import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { messages, type Messages } from '../../../bot/i18n/messages.js';
import { silentLogger } from '../../../bot/log.js';
import { createRecognizer } from '../../../bot/nlu/createRecognizer.js';
import { makeTempDir } from '../../support/tempDir.js';

// Debian's Chromium, never a browser that npm downloads.
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WAIT_MS = 30_000;

interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Activities the page POSTed to the Direct Line, parsed. */
  readonly posted: Array<Record<string, unknown> & { locale?: string; text?: string; value?: { msteams?: { value?: string } } }>;
  readonly problems: string[];
  close(): Promise<void>;
}

async function openPage(url: string, locale: string): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'webchat-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, locale });
  const page = context.pages()[0] ?? (await context.newPage());
  const posted: Browser['posted'] = [];
  const problems: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && /\/conversations\/[^/]+\/activities$/.test(req.url())) posted.push(JSON.parse(req.postData() ?? '{}'));
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    // Anything the Content-Security-Policy blocks (a CDN, an inline script) shows up here.
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(msg.text());
  });
  await page.goto(url);
  return {
    context,
    page,
    posted,
    problems,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Adaptive Cards that are FAQ answers: they carry the "did this help" button. */
const answerCards = (page: Page, m: Messages): Locator =>
  page.locator('.ac-adaptiveCard').filter({ has: page.getByRole('button', { name: m.faq.helped, exact: true }) });

/** Waits until the page heading reads `title` (the page script sets it), failing after WAIT_MS. */
async function headingIs(page: Page, title: string): Promise<void> {
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title, { timeout: WAIT_MS });
  expect(await page.title()).to.equal(title);
}

async function ask(page: Page, m: Messages, question: string): Promise<Locator> {
  const before = await answerCards(page, m).count();
  const box = page.locator('[data-id="webchat-sendbox-input"]');
  await box.fill(question);
  await box.press('Enter');
  const card = answerCards(page, m).nth(before);
  await card.waitFor({ timeout: WAIT_MS });
  return card;
}

describe('Web Chat test page in headless Chromium', function () {
  this.timeout(120_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: RunningApp | undefined;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      console.log(`    Skipping the browser test: ${CHROMIUM} is missing (Debian: apt-get install chromium).`);
      this.skip();
    }
    dir = await makeTempDir();
    const config = loadConfig({ DATA_DIR: dir.path, PORT: '0' });
    app = await startApp({ config, logger: silentLogger, recognizer: await createRecognizer(config, silentLogger) });
  });
  after(async () => {
    await app?.stop();
    await dir?.remove();
  });

  it('Chinese browser: Chinese page, Chinese question gets the answer card, a follow-up button works, the EN button: English', async () => {
    const zh = messages('zh-CN');
    const en = messages('en');
    const browser = await openPage(`${app!.url}/`, 'zh-CN');
    try {
      const { page, posted } = browser;
      await headingIs(page, zh.webChatPage.title);
      expect(await page.locator('html').getAttribute('lang')).to.equal('zh-CN');
      expect(await page.locator('[data-locale="zh-CN"]').getAttribute('aria-pressed')).to.equal('true');
      await page.getByText(zh.welcomeTitle).first().waitFor({ timeout: WAIT_MS });

      const card = await ask(page, zh, '怎么在手机上设置 Outlook');
      expect(posted.at(-1)).to.include({ text: '怎么在手机上设置 Outlook', locale: 'zh-CN' });

      // A follow-up button on the card: a related article, sent as an imBack value, answered with its own card.
      const related = card.getByRole('button', { name: new RegExp(`^${zh.faq.relatedPrefix}`) }).first();
      const label = (await related.innerText()).trim();
      const cardsBefore = await answerCards(page, zh).count();
      await related.click();
      const next = answerCards(page, zh).nth(cardsBefore);
      await next.waitFor({ timeout: WAIT_MS });
      expect(posted.at(-1)!.value?.msteams?.value).to.equal(label);
      expect((await next.locator('.ac-textBlock').first().innerText()).trim()).to.equal(label.slice(zh.faq.relatedPrefix.length));

      await page.locator('[data-locale="en"]').click();
      await headingIs(page, en.webChatPage.title);
      expect(await page.locator('html').getAttribute('lang')).to.equal('en');
      await ask(page, en, 'How do I set up Outlook on my phone?');
      expect(posted.at(-1)).to.include({ text: 'How do I set up Outlook on my phone?', locale: 'en' });
      expect(browser.problems).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });

  it('in an English browser: English page, and an English question gets an English answer card', async () => {
    const en = messages('en');
    const browser = await openPage(`${app!.url}/`, 'en-US');
    try {
      const { page, posted } = browser;
      await headingIs(page, en.webChatPage.title);
      expect(await page.locator('[data-locale="en"]').getAttribute('aria-pressed')).to.equal('true');
      const card = await ask(page, en, 'How do I set up Outlook on my phone?');
      expect(await card.getByRole('button', { name: en.faq.talkToSupport, exact: true }).count()).to.equal(1);
      expect(posted.at(-1)).to.include({ locale: 'en' });
      expect(browser.problems).to.deep.equal([]);
    } finally {
      await browser.close();
    }
  });
});
