import { expect } from 'chai';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { fuzzCases } from '../support/fuzzActivities.js';
import { LoopbackConnector } from '../support/loopbackConnector.js';
import { makeTempDir } from '../support/tempDir.js';

const ALLOWED = new Set([200, 400, 401, 413, 415]);

describe('fuzzing POST /api/messages', function () {
  this.timeout(120_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let app: RunningApp;
  let serviceUrl: string;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    dir = await makeTempDir();
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    // Transcripts on, so the logging and redaction path sees the junk too.
    app = await startApp({
      config: loadConfig({ DATA_DIR: dir.path, PORT: '0', TRANSCRIPTS: 'on' }),
      logger: silentLogger,
      recognizer: new FakeRecognizer(),
    });
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await app.stop();
    await connector.stop();
    await dir.remove();
  });

  it('answers 2,000 generated activities with only 200/400/401/413/415, no stack traces, and stays up', async () => {
    const cases = fuzzCases(2000, 20261123, serviceUrl);
    const statuses = new Map<number, number>();
    for (let i = 0; i < cases.length; i += 16) {
      await Promise.all(
        cases.slice(i, i + 16).map(async (c, j) => {
          const res = await fetch(`${app.url}/api/messages`, {
            method: 'POST',
            headers: c.contentType ? { 'content-type': c.contentType } : {},
            body: c.body,
          }).catch((err: unknown) => {
            throw new Error(`case ${i + j}: request failed (${String(err)})`);
          });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(ALLOWED.has(res.status), `case ${i + j}: status ${res.status} ${text.slice(0, 200)}`).to.equal(true);
          expect(text, `case ${i + j}`).to.not.match(/\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|Error:/);
        }),
      );
    }
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).to.equal(200);
    expect(rejections, 'unhandled rejections').to.deep.equal([]);
    // The generator must exercise both the happy path and the rejections.
    expect(statuses.get(200) ?? 0).to.be.greaterThan(100);
    expect(statuses.get(400) ?? 0).to.be.greaterThan(100);
    expect(statuses.get(413) ?? 0).to.be.greaterThan(0);
    expect(statuses.get(415) ?? 0).to.be.greaterThan(0);
  });
});
