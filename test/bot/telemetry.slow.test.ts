import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startBotProcess } from '../support/botProcess.js';
import { message, post } from '../support/post.js';
import { selfSignedCert, type TestCertificate } from '../support/selfSignedCert.js';
import { makeTempDir } from '../support/tempDir.js';

const IKEY = '5e0c6a1d-8f3b-4c2e-9a7d-1b2c3d4e5f60';

interface Envelope {
  name: string;
  iKey: string;
  data: { baseType: string; baseData: { name?: string; url?: string; responseCode?: string; properties?: Record<string, string> } };
}

/**
 * Application Insights' ingestion endpoint on 127.0.0.1 (HTTPS: the exporter sends nothing else), keeping every
 * body posted to /v2.1/track as sent (gzip undone).
 */
async function startIngestion(tls: TestCertificate): Promise<{ url: string; bodies: string[]; paths: string[]; server: Server }> {
  const bodies: string[] = [];
  const paths: string[] = [];
  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      paths.push(req.url ?? '');
      bodies.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
      const items = bodies.at(-1)!.split('\n').filter(Boolean).length;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items, itemsAccepted: items, errors: [] }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `https://127.0.0.1:${(server.address() as { port: number }).port}/`, bodies, paths, server };
}

const envelopes = (bodies: readonly string[]): Envelope[] =>
  bodies.flatMap((b) =>
    b.trim().startsWith('[')
      ? (JSON.parse(b) as Envelope[])
      : b
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Envelope),
  );

describe('telemetry to Azure Monitor (a loopback ingestion endpoint)', function () {
  this.timeout(120_000);

  it("sends requests, turns and intents with ids and measurements, and log lines as traces, and never the customer's words", async () => {
    const tmp = await makeTempDir();
    const tls = await selfSignedCert(tmp.path);
    const ingestion = await startIngestion(tls);
    const sentinel = `zqx${randomBytes(5).toString('hex')}`;
    // The connection string as the China portal gives it, with the ingestion endpoint pointed at loopback.
    const connectionString = `InstrumentationKey=${IKEY};IngestionEndpoint=${ingestion.url};LiveEndpoint=https://chinanorth3.livediagnostics.monitor.azure.cn/;ApplicationId=00000000-0000-4000-8000-000000000001`;
    try {
      const env = {
        DATA_DIR: join(tmp.path, 'data'),
        APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString,
        NODE_EXTRA_CA_CERTS: tls.certFile,
      };
      const bot = await startBotProcess(env);
      try {
        for (const [i, text] of [`我的发票在哪里 ${sentinel}`, `Where is my invoice? ${sentinel}`, `转人工 ${sentinel}`].entries()) {
          const res = await post(`${bot.url}/api/messages`, message(bot.url, `tele-${i}`, text, { deliveryMode: 'expectReplies' }));
          expect(res.status, res.text).to.equal(200);
        }
      } finally {
        expect(await bot.stop()).to.equal(0); // the shutdown flushes what is buffered
      }
      expect(ingestion.paths.length).to.be.above(0);
      for (const p of ingestion.paths) expect(p).to.equal('/v2.1/track');
      const all = ingestion.bodies.join('\n');
      expect(all).to.not.include(sentinel);
      expect(all).to.not.include('发票').and.not.include('invoice?');
      const items = envelopes(ingestion.bodies);
      for (const e of items) expect(e.iKey).to.equal(IKEY);
      const requests = items.filter((e) => e.data.baseType === 'RequestData');
      expect(requests.map((r) => r.data.baseData.name)).to.include('POST /api/messages');
      expect(requests.find((r) => r.data.baseData.name === 'POST /api/messages')!.data.baseData.responseCode).to.equal('200');
      const events = items.filter((e) => e.data.baseType === 'EventData');
      const named = (n: string) => events.filter((e) => e.data.baseData.name === n).map((e) => e.data.baseData.properties ?? {});
      expect(named('turn')).to.have.length(3);
      expect(named('turn').map((p) => p.conversation)).to.have.members(['tele-0', 'tele-1', 'tele-2']);
      // Both invoice questions are billing, whatever the unknown word beside them.
      expect(named('intent').filter((p) => p.intent === 'billing')).to.have.length.at.least(2);
      expect(named('intent').every((p) => Number(p.score) > 0 && Number(p.score) <= 1)).to.equal(true);
      const traces = items.filter((e) => e.data.baseType === 'MessageData').map((e) => e.data.baseData as { message?: string });
      expect(traces.map((t) => t.message)).to.include('listening');
    } finally {
      ingestion.server.close();
      await tmp.remove();
    }
  });
});
