import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { messages } from '../../bot/i18n/messages.js';
import { BlobStore } from '../../bot/store/blobStore.js';
import { PrefixedStore } from '../../bot/store/prefixedStore.js';
import { DocumentTicketStore } from '../../bot/tickets/documentTicketStore.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';
import { makeTempDir } from '../support/tempDir.js';
import { shown, turn } from '../support/turn.js';

const en = messages('en').customer.setup;
const ROOT = join(import.meta.dirname, '../..');

function runScript(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

/** The sign-up dialog, one answer per turn, and what the bot must ask next if the state of every earlier turn was kept. */
function signUp(k: number): Array<{ say: string; expect: string }> {
  return [
    { say: 'I want to sign up as a new customer', expect: en.askCompany },
    { say: `Scale Test ${k} Ltd`, expect: en.askPrefix },
    { say: `scale-${k}`, expect: en.askAdminName },
    { say: 'Lei Wang', expect: en.askAdminEmail },
    { say: `admin${k}@scale${k}.cn`, expect: en.askMobile },
    { say: '13812345678', expect: en.askServices },
    { say: 'Office 365 E3 for 20 users', expect: 'Shall I send this sign-up request?' },
    { say: 'yes', expect: 'your sign-up request is ticket T-' },
  ];
}

describe('two bot processes on one Azure Blob store (Azurite)', function () {
  this.timeout(180_000);
  let azurite: Azurite;
  let dirs: Array<Awaited<ReturnType<typeof makeTempDir>>>;
  let bots: BotProcess[];
  let container: string;
  let blobEnv: Record<string, string>;

  before(async () => {
    azurite = await startAzurite();
    container = azurite.container();
    dirs = [await makeTempDir(), await makeTempDir()];
    // Many sign-up tickets from one unidentified visitor: above the anonymous limits this test is not about.
    const limits = { ANONYMOUS_OPEN_TICKETS: '100', ANONYMOUS_TICKETS_PER_HOUR: '10000' };
    const env = (dataDir: string) => ({
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: container,
      DATA_DIR: dataDir,
      ...limits,
    });
    blobEnv = env(dirs[0]!.path);
    // The demo directory goes to the container, not to either instance's DATA_DIR.
    expect(runScript('seedDemo.ts', [], blobEnv).status).to.equal(0);
    bots = await Promise.all(dirs.map((d) => startBotProcess(env(d.path))));
  });
  after(async () => {
    for (const bot of bots ?? []) expect(await bot.stop(), bot.output()).to.equal(0);
    await azurite?.stop();
    for (const d of dirs ?? []) await d.remove();
  });

  it('interleaved turns of the same conversations through both keep every step, and tickets from both get distinct ids', async () => {
    const conversations = 8;
    const confirmedBy: Array<{ id: string; instance: number; company: string }> = [];
    await Promise.all(
      Array.from({ length: conversations }, async (_, k) => {
        const steps = signUp(k);
        for (const [i, step] of steps.entries()) {
          // Every step goes to the other instance than the one before; the last step alternates by conversation.
          const instance = (i + k) % 2;
          // Eight prospects, not one visitor with eight sign-ups (which the anonymous-ticket limit of three refuses).
          const from = { id: `prospect-${k}`, name: 'User', role: 'user' };
          const replies = shown(await turn(bots[instance]!.url, `scale-${k}`, step.say, { from }));
          expect(replies, `conversation ${k}, step ${i} on instance ${instance}`).to.include(step.expect);
          if (i === steps.length - 1) confirmedBy.push({ id: /T-\d+/.exec(replies)![0], instance, company: `Scale Test ${k} Ltd` });
        }
      }),
    );
    expect(new Set(confirmedBy.map((c) => c.id)).size, 'no two tickets share an id').to.equal(conversations);
    expect(new Set(confirmedBy.map((c) => c.instance))).to.deep.equal(new Set([0, 1]));

    const store = new DocumentTicketStore(new PrefixedStore(await BlobStore.open(azurite.connectionString, container), 'tickets/'));
    const tickets = await store.list();
    expect(tickets.map((t) => t.id).sort(), 'exactly the confirmed tickets, no duplicates').to.deep.equal(
      confirmedBy.map((c) => c.id).sort(),
    );
    for (const c of confirmedBy) expect((await store.get(c.id))!.details.company).to.equal(c.company);

    // The reseller's console reads the same shared tickets.
    const listed = runScript('tickets.ts', ['list', '--json'], blobEnv);
    expect(listed.status, listed.stderr).to.equal(0);
    expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((t) => t.id).sort()).to.deep.equal(tickets.map((t) => t.id).sort());
  });

  it('both instances identify a customer from the directory seeded into the container', async () => {
    const replies: string[] = [];
    for (const [i, say] of ['show my invoice', DEMO.fabrikam.domain, DEMO.fabrikam.admin].entries())
      replies.push(shown(await turn(bots[i % 2]!.url, 'dir-1', say)));
    expect(replies.at(-1)).to.include('Fabrikam');
  });

  it('two messages of one conversation at the same moment on both instances: no apology, no lost state, the dialog goes on', async () => {
    const c = 'race-1';
    expect(shown(await turn(bots[0]!.url, c, 'I want to sign up as a new customer'))).to.include(en.askCompany);
    const [a, b] = await Promise.all([turn(bots[0]!.url, c, 'Race Alpha Ltd'), turn(bots[1]!.url, c, 'Race Beta Ltd')]);
    const both = `${shown(a)}\n${shown(b)}`;
    const m = messages('en');
    expect(both).to.not.include(m.errorApology('').slice(0, 20));
    // Either the turns ran one after the other (the second answered the next question), or one lost the race and says so.
    expect(both).to.include(en.askPrefix);
    const raced = both.includes(m.reliability.sendAgain);
    if (!raced) expect(both).to.include(en.prefixHint);
    const rest = ['race-one', 'Lei Wang', 'race@race.cn', '13812345678', 'Azure'];
    for (const [i, say] of rest.entries()) await turn(bots[i % 2]!.url, c, say);
    const done = shown(await turn(bots[1]!.url, c, 'yes'));
    expect(done).to.match(/your sign-up request is ticket T-\d+/);
    const store = new DocumentTicketStore(new PrefixedStore(await BlobStore.open(azurite.connectionString, container), 'tickets/'));
    const ticket = await store.get(/T-\d+/.exec(done)![0]);
    expect(['Race Alpha Ltd', 'Race Beta Ltd']).to.include(ticket!.details.company);
  });
});
