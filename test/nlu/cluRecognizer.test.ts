import { expect } from 'chai';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config.js';
import type { CluConfig } from '../../bot/integrationConfig.js';
import type { LogFields, Logger } from '../../bot/log.js';
import { CluRecognizer, COOL_OFF_MS, DEGRADED_LOG_INTERVAL_MS } from '../../bot/nlu/cluRecognizer.js';
import { createRecognizer } from '../../bot/nlu/createRecognizer.js';
import type { Recognizer, RecognizerResult } from '../../bot/nlu/types.js';
import { FakeClu } from '../support/fakeClu.js';

/** Answers every turn with a result no CLU mapping produces, so a fallback is easy to see. */
class MarkedFallback implements Recognizer {
  readonly seen: string[] = [];
  async recognize(text: string): Promise<RecognizerResult> {
    this.seen.push(text);
    return { intent: 'help', score: 0.4242, lang: 'en', alternatives: [], entities: [] };
  }
}

class RecordingLogger implements Logger {
  readonly lines: Array<{ level: string; event: string; fields: LogFields }> = [];
  debug(event: string, fields: LogFields = {}) {
    this.lines.push({ level: 'debug', event, fields });
  }
  info(event: string, fields: LogFields = {}) {
    this.lines.push({ level: 'info', event, fields });
  }
  warn(event: string, fields: LogFields = {}) {
    this.lines.push({ level: 'warn', event, fields });
  }
  error(event: string, fields: LogFields = {}) {
    this.lines.push({ level: 'error', event, fields });
  }
  events(name: string) {
    return this.lines.filter((l) => l.event === name);
  }
}

describe('CluRecognizer against a CLU stand-in on 127.0.0.1', () => {
  const clu = new FakeClu();
  let endpoint: string;
  let fallback: MarkedFallback;
  let logger: RecordingLogger;
  let clock: number;
  const config = (timeoutMs = 1500): CluConfig => ({
    endpoint,
    key: 'test-key-123',
    project: 'csp-support',
    deployment: 'production',
    timeoutMs,
  });
  const recognizer = (timeoutMs?: number) => new CluRecognizer({ config: config(timeoutMs), fallback, logger, now: () => clock });

  before(async () => {
    endpoint = await clu.start();
  });
  after(() => clu.stop());
  beforeEach(() => {
    clu.requests.length = 0;
    fallback = new MarkedFallback();
    logger = new RecordingLogger();
    clock = 1_000_000;
  });

  it('sends the utterance with project, deployment, API version and the subscription key header', async () => {
    clu.behaviour = { kind: 'predict', topIntent: 'billing', intents: [['billing', 0.9]] };
    await recognizer().recognize('发票在哪里下载');
    expect(clu.requests).to.have.length(1);
    const [req] = clu.requests;
    expect(req!.path).to.equal('/language/:analyze-conversations');
    expect(req!.apiVersion).to.equal('2023-04-01');
    expect(req!.headers['ocp-apim-subscription-key']).to.equal('test-key-123');
    expect(req!.body.kind).to.equal('Conversation');
    expect(req!.body.parameters).to.include({ projectName: 'csp-support', deploymentName: 'production' });
    expect(req!.body.analysisInput?.conversationItem).to.include({ text: '发票在哪里下载', language: 'zh-hans' });
  });

  it('maps top intent, confidence and the ranked intents list onto our result, with our entities and language', async () => {
    clu.behaviour = {
      kind: 'predict',
      topIntent: 'ticket_status',
      intents: [
        ['ticket_status', 0.93],
        ['report_problem', 0.71],
        ['None', 0.2],
        ['howto_faq', 0.1],
        ['thanks', 0.05],
      ],
    };
    const r = await recognizer().recognize('what happened to ticket T-1024?');
    expect(r.intent).to.equal('ticket_status');
    expect(r.score).to.equal(0.93);
    expect(r.lang).to.equal('en');
    expect(r.alternatives).to.deep.equal([
      { intent: 'report_problem', score: 0.71 },
      { intent: 'out_of_scope', score: 0.2 },
      { intent: 'howto_faq', score: 0.1 },
    ]);
    // CLU's own "Product" entity is ignored; the ticket id comes from bot/nlu/entities.ts.
    expect(r.entities.map((e) => [e.type, e.value])).to.deep.equal([['ticketId', 'T-1024']]);
    expect(fallback.seen).to.deep.equal([]);
  });

  it('maps CLU categories that are not our labels (None, renamed intents) to out_of_scope', async () => {
    clu.behaviour = {
      kind: 'predict',
      topIntent: 'BookFlight',
      intents: [
        ['BookFlight', 0.88],
        ['None', 0.5],
        ['billing', 0.3],
      ],
    };
    const unknown = await recognizer().recognize('book me a flight to Sanya');
    expect(unknown.intent).to.equal('out_of_scope');
    expect(unknown.score).to.equal(0.88);
    expect(unknown.alternatives).to.deep.equal([{ intent: 'billing', score: 0.3 }]);

    clu.behaviour = {
      kind: 'predict',
      topIntent: 'None',
      intents: [
        ['None', 0.61],
        ['greeting', 0.2],
      ],
    };
    const none = await recognizer().recognize('今天天气怎么样');
    expect(none).to.include({ intent: 'out_of_scope', score: 0.61, lang: 'zh' });
  });

  it('falls back to the embedded recognizer for a turn that gets HTTP 500, without retrying', async () => {
    clu.behaviour = { kind: 'status', status: 500 };
    const r = await recognizer().recognize('is exchange down');
    expect(r).to.include({ intent: 'help', score: 0.4242 });
    expect(fallback.seen).to.deep.equal(['is exchange down']);
    expect(clu.requests).to.have.length(1);
    expect(logger.events('clu_degraded')[0]?.fields).to.include({ reason: 'http', status: 500, fallback: 'embedded' });
  });

  it('falls back when CLU does not answer within the timeout', async () => {
    clu.behaviour = { kind: 'hang' };
    const r = await recognizer(150).recognize('my invoice is wrong');
    expect(r).to.include({ intent: 'help', score: 0.4242 });
    expect(fallback.seen).to.deep.equal(['my invoice is wrong']);
    expect(logger.events('clu_degraded')[0]?.fields).to.include({ reason: 'timeout' });
  });

  it('falls back when CLU cannot be reached at all', async () => {
    const closed = new CluRecognizer({ config: { ...config(), endpoint: 'http://127.0.0.1:9' }, fallback, logger, now: () => clock });
    expect(await closed.recognize('hello')).to.include({ intent: 'help' });
    expect(logger.events('clu_degraded')[0]?.fields).to.include({ reason: 'network' });
  });

  it('after a failure, skips CLU for a while instead of waiting on it every turn, then tries again', async () => {
    const r = recognizer();
    clu.behaviour = { kind: 'status', status: 503 };
    await r.recognize('first');
    clu.behaviour = { kind: 'predict', topIntent: 'thanks', intents: [['thanks', 0.99]] };
    clock += COOL_OFF_MS - 1;
    expect((await r.recognize('thanks')).intent).to.equal('help');
    expect(clu.requests).to.have.length(1);
    clock += 1;
    expect((await r.recognize('thanks')).intent).to.equal('thanks');
    expect(clu.requests).to.have.length(2);
  });

  it('logs the degradation once per minute, not once per turn, and says when CLU is back', async () => {
    const r = recognizer();
    clu.behaviour = { kind: 'status', status: 503 };
    for (const at of [0, 1_000, 30_000, DEGRADED_LOG_INTERVAL_MS - 1]) {
      clock = 1_000_000 + at;
      await r.recognize(`turn at ${at}`);
    }
    expect(logger.events('clu_degraded')).to.have.length(1);
    expect(fallback.seen).to.have.length(4);

    clock = 1_000_000 + DEGRADED_LOG_INTERVAL_MS;
    await r.recognize('a minute later');
    const warnings = logger.events('clu_degraded');
    expect(warnings).to.have.length(2);
    expect(warnings.every((w) => w.level === 'warn')).to.equal(true);
    expect(warnings[1]!.fields).to.include({ suppressedSinceLast: 3, status: 503 });

    clu.behaviour = { kind: 'predict', topIntent: 'thanks', intents: [['thanks', 0.99]] };
    clock += COOL_OFF_MS;
    expect((await r.recognize('thanks')).intent).to.equal('thanks');
    expect(logger.events('clu_recovered')).to.have.length(1);
    // A fresh outage right after recovery is reported at once.
    clu.behaviour = { kind: 'status', status: 500 };
    await r.recognize('again');
    expect(logger.events('clu_degraded')).to.have.length(3);
  });

  it('is what createRecognizer returns when the CLU keys are configured, with the embedded model as fallback', async function () {
    this.timeout(30_000);
    const env = {
      CLU_ENDPOINT: endpoint,
      CLU_KEY: 'k',
      CLU_PROJECT: 'p',
      CLU_DEPLOYMENT: 'd',
      CLU_TIMEOUT_MS: '200',
      KNOWLEDGE_DIR: join(import.meta.dirname, '../../knowledge'),
    };
    const built = await createRecognizer(loadConfig(env), logger);
    expect(built).to.be.instanceOf(CluRecognizer);
    clu.behaviour = { kind: 'predict', topIntent: 'subscription', intents: [['subscription', 0.8]] };
    expect((await built.recognize('谢谢')).intent).to.equal('subscription');
    clu.behaviour = { kind: 'status', status: 500 };
    // The trained embedded recognizer answers instead.
    expect((await built.recognize('谢谢')).intent).to.equal('thanks');
    expect(clu.requests.map((q) => q.body.parameters?.projectName)).to.deep.equal(['p', 'p']);
  });
});
