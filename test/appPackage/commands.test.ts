import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectInterruption, type Interruption } from '../../bot/interruption.js';
import type { Intent } from '../../bot/nlu/intents.js';
import { LocalRecognizer } from '../../bot/nlu/localRecognizer.js';

const ROOT = join(import.meta.dirname, '../..');

/** What each command of the manifest's command list must do, whichever language Teams shows it in. */
const EXPECTED: ReadonlyArray<Intent | Interruption> = ['help', 'ticket_status', 'report_problem', 'service_health', 'agent', 'startOver'];

describe('Teams command list (appPackage): every command, in English and Chinese, does what it says', function () {
  this.timeout(60_000);
  let recognizer: LocalRecognizer;
  let titles: { en: string[]; zh: string[] };

  before(async () => {
    recognizer = await LocalRecognizer.fromDirectory(join(ROOT, 'knowledge', 'intents'));
    const manifest = JSON.parse(await readFile(join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
      bots: Array<{ commandLists: Array<{ commands: Array<{ title: string }> }> }>;
    };
    const zh = JSON.parse(await readFile(join(ROOT, 'appPackage', 'zh-cn.json'), 'utf8')) as Record<string, string>;
    const en = manifest.bots[0]!.commandLists[0]!.commands.map((c) => c.title);
    titles = { en, zh: en.map((_, i) => zh[`bots[0].commandLists[0].commands[${i}].title`]!) };
  });

  it('lists the commands the table below expects, with a Chinese title for each', () => {
    expect(titles.en).to.have.length(EXPECTED.length);
    expect(titles.zh.every((t) => typeof t === 'string' && /\p{Script=Han}/u.test(t))).to.equal(true);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: a command picked from the list (sent as its title) reaches the right interruption or intent`, async () => {
      for (const [i, title] of titles[lang].entries()) {
        const interruption = detectInterruption(title);
        const outcome = interruption ?? (await recognizer.recognize(title)).intent;
        expect(outcome, `"${title}"`).to.equal(EXPECTED[i]);
      }
    });
  }
});
