import { expect } from 'chai';
import { join } from 'node:path';
import { LocalRecognizer } from '../../bot/nlu/localRecognizer.js';
import { decodeModel, encodeModel, modelKey } from '../../bot/nlu/savedModel.js';
import { loadUtterances } from '../../bot/nlu/utteranceFiles.js';
import { MODEL_FILE, writeCacheFile } from '../../bot/startupCache.js';
import { makeTempDir } from '../support/tempDir.js';
import { writeTree } from '../support/writeTree.js';

const ROOT = join(import.meta.dirname, '../..');
const yaml = (intent: string, locale: string, utterances: string[]) =>
  `intent: ${intent}\nlocale: ${locale}\nutterances:\n${utterances.map((u) => `  - ${u}`).join('\n')}\n`;
/** Two tiny training sets that disagree: in B the billing words mean service health and the other way round. */
const SET_A = {
  'billing.en.yaml': yaml('billing', 'en', ['where is my invoice', 'send me the bill', 'invoice for october']),
  'service_health.en.yaml': yaml('service_health', 'en', ['is outlook down', 'teams outage today', 'is there an incident']),
};
const SET_B = {
  'billing.en.yaml': yaml('billing', 'en', ['is outlook down', 'teams outage today', 'is there an incident']),
  'service_health.en.yaml': yaml('service_health', 'en', ['where is my invoice', 'send me the bill', 'invoice for october']),
};

describe('the embedded recognizer saved by the build (start-up cache)', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => (tmp = await makeTempDir()));
  afterEach(() => tmp.remove());

  it('restores a model that classifies exactly as the trained one', async () => {
    const dir = join(ROOT, 'knowledge/intents');
    const trained = await LocalRecognizer.fromDirectory(dir);
    const key = await modelKey(dir);
    const saved = encodeModel(key, trained.saveModel());
    expect(decodeModel(saved, key)).to.deep.equal(trained.saveModel());
    await writeCacheFile(tmp.path, MODEL_FILE, saved);
    const restored = await LocalRecognizer.fromDirectory(dir, { cacheDir: tmp.path });
    for (const text of ['我上个月的发票在哪里', 'Outlook is down for everyone', 'reset my password', '转人工', 'what is the weather']) {
      expect(restored.recognizeSync(text), text).to.deep.equal(trained.recognizeSync(text));
    }
  });

  it('is used only for the files it was trained from: an edited utterance file trains anew', async () => {
    const a = join(tmp.path, 'a');
    await writeTree(a, SET_A);
    const keyA = await modelKey(a);
    // B's model saved under A's key: when fromDirectory(a) answers like B, it came from the cache.
    await writeTree(join(tmp.path, 'b'), SET_B);
    const b = LocalRecognizer.train(await loadUtterances(join(tmp.path, 'b')));
    const cache = join(tmp.path, 'cache');
    await writeCacheFile(cache, MODEL_FILE, encodeModel(keyA, b.saveModel()));
    expect((await LocalRecognizer.fromDirectory(a, { cacheDir: cache })).recognizeSync('where is my invoice').intent).to.equal(
      'service_health',
    );
    expect((await LocalRecognizer.fromDirectory(a)).recognizeSync('where is my invoice').intent).to.equal('billing');

    await writeTree(a, { 'billing.en.yaml': `${SET_A['billing.en.yaml']}  - my invoice is wrong\n` });
    expect(await modelKey(a)).to.not.equal(keyA);
    expect((await LocalRecognizer.fromDirectory(a, { cacheDir: cache })).recognizeSync('where is my invoice').intent).to.equal('billing');
  });

  it('ignores a file saved under another key or damaged', async () => {
    const dir = join(tmp.path, 'a');
    await writeTree(dir, SET_A);
    const saved = encodeModel(await modelKey(dir), (await LocalRecognizer.fromDirectory(dir)).saveModel());
    expect(decodeModel(saved, 'another key')).to.equal(undefined);
    expect(decodeModel(saved.subarray(0, saved.length - 4), await modelKey(dir))).to.equal(undefined);
    expect(decodeModel(saved.subarray(0, 100), await modelKey(dir))).to.equal(undefined);
    await writeCacheFile(tmp.path, MODEL_FILE, '{"key":');
    expect((await LocalRecognizer.fromDirectory(dir, { cacheDir: tmp.path })).recognizeSync('is outlook down').intent).to.equal(
      'service_health',
    );
  });
});
