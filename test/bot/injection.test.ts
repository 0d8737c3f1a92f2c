import { expect } from 'chai';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { openStorage } from '../../bot/store/openStorage.js';
import { demoDirectory } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { silentLogger } from '../../bot/log.js';
import { CUSTOMER_RULES } from '../support/customerHarness.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { makeTempDir } from '../support/tempDir.js';
import { shown, turn } from '../support/turn.js';

/** Text that would turn into a link, a mention, HTML or a card binding if shown as is. */
const HOSTILE_COMPANY = 'Evil [x](http://evil.example) <at>Boss</at> <script>alert(1)</script> ${user.name} Ltd';
const HOSTILE_NAME = '<at>Admin</at> [click](http://evil.example) ${7*7}';
/**
 * What the answer parsers let through: markdown without brackets. No word of the fake recognizer's rules in it: at a
 * name question, a reply it scores as a request (0.9) is taken as a new question, which is not what this file tests.
 */
const MARKDOWN_ANSWER = '**Urgent** _fix_ now ~~x~~ | col | `code` # (see) !';

/** Nothing in a reply may be live markup built from someone else's text. */
function expectLiteral(text: string): void {
  expect(text).to.not.match(/(?<!\\)\[(x|click)(?<!\\)\]\(http/);
  expect(text).to.not.include('<at>').and.not.include('<script').and.not.include('${');
  expect(text)
    .to.not.match(/(?<!\\)\*\*Urgent/)
    .and.not.match(/(?<!\\)_fix(?<!\\)_/)
    .and.not.match(/(?<!\\)`code/);
}

describe('markdown, HTML, mention and card-binding injection, end to end', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: RunningApp;

  before(async () => {
    dir = await makeTempDir();
    const demo = demoDirectory();
    await (
      await openStorage({ storage: 'file', dataDir: dir.path })
    ).directory.replace({
      ...demo,
      customers: [
        ...demo.customers,
        {
          id: 'c-evil',
          company: HOSTILE_COMPANY,
          tenantId: '6f1c0a3e-2b7d-4c1e-9a0b-0000000000ee',
          initialDomain: 'evil.partner.onmschina.cn',
          contacts: [{ name: HOSTILE_NAME, email: 'boss@evil.cn', role: 'admin' }],
        },
      ],
      subscriptions: [
        ...demo.subscriptions,
        {
          id: 'sub-evil',
          customerId: 'c-evil',
          offer: 'Office 365 E3',
          services: ['exchange'],
          quantity: 5,
          status: 'active',
          term: 'annual',
          autoRenew: true,
        },
      ],
    });
    app = await startApp({
      config: loadConfig({ DATA_DIR: dir.path, PORT: '0' }),
      logger: silentLogger,
      recognizer: new FakeRecognizer(CUSTOMER_RULES),
    });
  });
  after(async () => {
    await app.stop();
    await dir.remove();
  });

  it('the sign-up summary shows what the user typed literally, and hostile answers are refused without being echoed', async () => {
    const c = 'inj-signup';
    const say = async (text: string) => {
      const out = shown(await turn(app.url, c, text, { from: { id: 'prospect-1', role: 'user' } }));
      expectLiteral(out);
      return out;
    };
    await say('I want to sign up');
    expect(await say(HOSTILE_COMPANY)).to.include(messages('en').customer.setup.companyHint);
    await say(MARKDOWN_ANSWER);
    await say('evil-co');
    await say('Wang *Lei*');
    await say('boss@evil.cn');
    await say('13812345678');
    const summary = await say(MARKDOWN_ANSWER);
    expect(summary).to.include('\\*\\*Urgent\\*\\* \\_fix\\_').and.include('Wang \\*Lei\\*');
  });

  it("identification shows the directory's company and contact names literally", async () => {
    const c = 'inj-identify';
    const say = async (text: string) => {
      const out = shown(await turn(app.url, c, text));
      expectLiteral(out);
      return out;
    };
    await say('show my invoice');
    await say('evil.partner.onmschina.cn');
    const confirmed = await say('boss@evil.cn');
    expect(confirmed).to.include('&lt;at&gt;Admin&lt;/at&gt; \\[click\\]\\(http://evil.example\\) $\u200d\\{7\\*7\\}');
    expect(confirmed).to.include('&lt;script&gt;');
  });

  it('a plan name typed for a subscription change comes back literally in the confirmation', async () => {
    const c = 'inj-plan';
    const say = async (text: string) => {
      const out = shown(await turn(app.url, c, text));
      expectLiteral(out);
      return out;
    };
    // Identification lasts for one conversation: this one identifies first.
    await say('I want to upgrade my subscription');
    await say('evil.partner.onmschina.cn');
    await say('boss@evil.cn');
    const confirm = await say(MARKDOWN_ANSWER);
    expect(confirm).to.include('\\*\\*Urgent\\*\\*');
  });

  it('an invoice number typed by the user is shown literally when it is not found', () => {
    for (const locale of ['en', 'zh-CN'] as const)
      expectLiteral(messages(locale).customer.billing.invoiceNotFound('[x](http://evil.example)<at>a</at>${1}**Urgent**'));
  });
});
