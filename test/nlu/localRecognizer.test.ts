import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isIntent } from '../../bot/nlu/intents.js';
import { LocalRecognizer } from '../../bot/nlu/localRecognizer.js';
import { loadUtterances } from '../../bot/nlu/utteranceFiles.js';

const ROOT = join(import.meta.dirname, '../..');

describe('LocalRecognizer', function () {
  this.timeout(30_000);
  let recognizer: LocalRecognizer;

  before(async () => {
    recognizer = await LocalRecognizer.fromDirectory(join(ROOT, 'knowledge/intents'));
  });

  it('has at least 40 utterances per intent per language in knowledge/intents', async () => {
    const utterances = await loadUtterances(join(ROOT, 'knowledge/intents'));
    const counts = new Map<string, number>();
    for (const u of utterances) counts.set(`${u.intent}.${u.locale}`, (counts.get(`${u.intent}.${u.locale}`) ?? 0) + 1);
    expect(counts.size).to.equal(26);
    for (const [key, n] of counts) expect(n, key).to.be.at.least(40);
  });

  for (const locale of ['en', 'zh-CN'] as const) {
    it(`classifies held-aside ${locale} utterances it was never trained on (≥ 85%)`, async () => {
      const heldOut = parse(await readFile(join(import.meta.dirname, `fixtures/heldout.${locale}.yaml`), 'utf8')) as Record<
        string,
        string[]
      >;
      const misses: string[] = [];
      let total = 0;
      for (const [intent, texts] of Object.entries(heldOut)) {
        expect(isIntent(intent), intent).to.equal(true);
        for (const text of texts) {
          total++;
          const result = await recognizer.recognize(text);
          if (result.intent !== intent) misses.push(`${text} → ${result.intent} (expected ${intent})`);
        }
      }
      expect((total - misses.length) / total, misses.join('\n')).to.be.at.least(0.85);
    });
  }

  it('rejects gibberish and clearly off-topic input as out_of_scope', async () => {
    for (const text of ['xkcd qwzx plorf', '帮我订一张去三亚的机票', 'what is the capital of peru', '']) {
      expect((await recognizer.recognize(text)).intent, text).to.equal('out_of_scope');
    }
  });

  it('is confident on clear in-scope messages and reports ranked alternatives', async () => {
    const r = await recognizer.recognize('Exchange 是不是挂了');
    expect(r.intent).to.equal('service_health');
    expect(r.score).to.be.greaterThan(recognizer.threshold);
    expect(r.lang).to.equal('zh');
    expect(r.alternatives).to.have.length(3);
    expect(r.alternatives.map((a) => a.intent)).to.not.include('service_health');
    const scores = r.alternatives.map((a) => a.score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    expect(scores[0]).to.be.at.most(r.score);
    expect(r.entities.map((e) => [e.type, e.value])).to.deep.equal([['service', 'exchange']]);
  });

  it('below the threshold the answer is out_of_scope, with the best guess kept as the first alternative', async () => {
    const strict = LocalRecognizer.train(await loadUtterances(join(ROOT, 'knowledge/intents')), { threshold: 0.999 });
    const r = await strict.recognize('how do I set up outlook on my phone');
    expect(r.intent).to.equal('out_of_scope');
    expect(r.alternatives[0]!.intent).to.equal('howto_faq');
  });

  it('handles typos and mixed languages', async () => {
    expect((await recognizer.recognize('outlok keeps asking for pasword')).intent).to.equal('howto_faq');
    expect((await recognizer.recognize('我的O365 license怎么续费')).intent).to.equal('subscription');
  });
});
