import { expect } from 'chai';
import { startApp, type RunningApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import { demoDirectory } from '../../../bot/directory/demoDirectory.js';
import { messages } from '../../../bot/i18n/messages.js';
import { createLogger } from '../../../bot/log.js';
import { openStorage } from '../../../bot/store/openStorage.js';
import { FakeRecognizer } from '../../support/fakeRecognizer.js';
import { makeTempDir } from '../../support/tempDir.js';
import { shown, turn } from '../../support/turn.js';

const en = messages('en');

describe('limits on tickets from unidentified visitors (abuse of the anonymous handoff)', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let app: RunningApp;
  let lines: string[];

  before(async () => {
    dir = await makeTempDir();
    await (await openStorage({ storage: 'file', dataDir: dir.path })).directory.replace(demoDirectory());
    lines = [];
    const config = loadConfig({ DATA_DIR: dir.path, PORT: '0', ANONYMOUS_OPEN_TICKETS: '2', ANONYMOUS_TICKETS_PER_HOUR: '4' });
    app = await startApp({ config, logger: createLogger('info', (l) => lines.push(l)), recognizer: new FakeRecognizer() });
  });
  after(async () => {
    await app.stop();
    await dir.remove();
  });

  /** A full anonymous handoff in a new conversation; returns what the last turn showed. */
  async function handoff(conversation: string, user: string): Promise<string> {
    const from = { from: { id: user, name: 'Visitor', role: 'user' } };
    expect(shown(await turn(app.url, conversation, 'agent', from))).to.include(en.escalation.handoff.askName);
    await turn(app.url, conversation, 'Li Lei', from);
    await turn(app.url, conversation, 'lilei@example.cn', from);
    return shown(await turn(app.url, conversation, 'Our Outlook keeps asking for the password', from));
  }

  it('one visitor gets at most ANONYMOUS_OPEN_TICKETS open tickets, then a polite answer naming them; nothing else is filed', async () => {
    expect(await handoff('visitor-a-1', 'visitor-a')).to.match(/T-1001/);
    expect(await handoff('visitor-a-2', 'visitor-a')).to.match(/T-1002/);
    const refused = await handoff('visitor-a-3', 'visitor-a');
    expect(refused).to.equal(en.customer.ticketLimitVisitor(['T-1002', 'T-1001'], demoDirectory().reseller));
    expect(lines.join('\n')).to.match(/"event":"rate_limited","limit":"anonymous_open_per_visitor"/);
    const stores = await openStorage({ storage: 'file', dataDir: dir.path });
    expect((await stores.tickets.list()).map((t) => t.id)).to.deep.equal(['T-1001', 'T-1002']);
  });

  it('all visitors together get at most ANONYMOUS_TICKETS_PER_HOUR new tickets, and those already confirmed stay', async () => {
    expect(await handoff('visitor-b-1', 'visitor-b')).to.match(/T-1003/);
    expect(await handoff('visitor-c-1', 'visitor-c')).to.match(/T-1004/);
    expect(await handoff('visitor-d-1', 'visitor-d')).to.equal(en.customer.ticketLimitHourly(demoDirectory().reseller));
    expect(lines.join('\n')).to.match(/"event":"rate_limited","limit":"anonymous_per_hour"/);
    const stores = await openStorage({ storage: 'file', dataDir: dir.path });
    expect((await stores.tickets.list()).map((t) => t.id)).to.deep.equal(['T-1001', 'T-1002', 'T-1003', 'T-1004']);
  });
});
