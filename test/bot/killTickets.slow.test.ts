import { expect } from 'chai';
import { openStorage } from '../../bot/store/openStorage.js';
import { startBotProcess } from '../support/botProcess.js';
import { makeTempDir } from '../support/tempDir.js';
import { shown, turn } from '../support/turn.js';

const answers = (k: number) => [
  'I want to sign up as a new customer',
  `Crash Test ${k} Ltd`,
  `crash-${k}`,
  'Lei Wang',
  `admin${k}@crash${k}.cn`,
  '13812345678',
  'Office 365 E3',
];

describe('kill -9 of the bot while turns create tickets', function () {
  this.timeout(180_000);

  it('every ticket confirmed to a user exists after a restart', async () => {
    const dir = await makeTempDir();
    const env = { DATA_DIR: dir.path };
    let bot = await startBotProcess(env);
    try {
      const conversations = 40;
      // Bring every conversation to the last question, in parallel.
      await Promise.all(
        Array.from({ length: conversations }, async (_, k) => {
          for (const say of answers(k)) await turn(bot.url, `crash-${k}`, say);
        }),
      );
      // Now all of them say "yes" at once, and the process is killed once a quarter are confirmed.
      const confirmed: string[] = [];
      let failed = 0;
      let killed: Promise<void> | undefined;
      const victim = bot;
      await Promise.all(
        Array.from({ length: conversations }, async (_, k) => {
          try {
            const text = shown(await turn(victim.url, `crash-${k}`, 'yes'));
            const id = /ticket (T-\d+)/.exec(text)?.[1];
            if (id) confirmed.push(id);
            if (confirmed.length >= conversations / 4) killed ??= victim.kill();
          } catch {
            failed++; // the connection died with the process: never confirmed
          }
        }),
      );
      await killed;
      expect(confirmed.length, `the kill came while tickets were still being created (cut off: ${failed})`).to.be.lessThan(conversations);
      expect(confirmed.length, 'some tickets were confirmed before the kill').to.be.at.least(conversations / 4);

      bot = await startBotProcess(env);
      const after = shown(await turn(bot.url, 'after-crash', 'I want to sign up as a new customer'));
      expect(after).to.include('company name');
      expect(await bot.stop()).to.equal(0);

      const tickets = await (await openStorage({ storage: 'file', dataDir: dir.path })).tickets.list();
      const ids = tickets.map((t) => t.id);
      expect(new Set(ids).size, 'no id handed out twice').to.equal(ids.length);
      for (const id of confirmed) expect(ids, `confirmed ${id} (confirmed ${confirmed.length}, cut off ${failed})`).to.include(id);
    } finally {
      await bot.kill();
      await dir.remove();
    }
  });
});
