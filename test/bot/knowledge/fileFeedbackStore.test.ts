import { expect } from 'chai';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileFeedbackStore } from '../../../bot/knowledge/fileFeedbackStore.js';
import { CorruptDataError } from '../../../bot/storage/errors.js';
import { makeTempDir } from '../../support/tempDir.js';

describe('FileFeedbackStore', () => {
  it('writes feedback and unanswered questions to disk in the shape review reads', async () => {
    const dir = await makeTempDir();
    const file = join(dir.path, 'feedback.json');
    const store = await FileFeedbackStore.open(file);
    await Promise.all([
      store.recordFeedback({ articleId: 'billing/fapiao', helpful: false, locale: 'zh-CN', at: '2026-11-01T00:00:00Z' }),
      store.recordUnanswered({ text: '怎么开专票', locale: 'zh-CN', at: '2026-11-01T00:00:00Z', bestScore: 0.1 }),
      store.recordFeedback({ articleId: 'howto/outlook-setup', helpful: true, locale: 'en', at: '2026-11-02T00:00:00Z' }),
    ]);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { feedback: unknown[]; unanswered: unknown[] };
    expect(onDisk.feedback).to.have.length(2);
    expect(onDisk.unanswered).to.deep.equal([{ text: '怎么开专票', locale: 'zh-CN', at: '2026-11-01T00:00:00Z', bestScore: 0.1 }]);
    expect((await FileFeedbackStore.open(file)).listFeedback()).to.have.length(2);
    await dir.remove();
  });

  it('purges old free text but keeps the verdicts', async () => {
    const dir = await makeTempDir();
    const store = await FileFeedbackStore.open(join(dir.path, 'feedback.json'));
    await store.recordFeedback({ articleId: 'a', helpful: false, locale: 'en', at: '2026-01-01T00:00:00Z', text: 'my email is x@y.cn' });
    await store.recordFeedback({ articleId: 'b', helpful: true, locale: 'en', at: '2026-11-20T00:00:00Z', text: 'recent' });
    await store.recordUnanswered({ text: 'old question', locale: 'en', at: '2026-01-01T00:00:00Z', bestScore: 0 });
    expect(await store.purge(new Date('2026-08-25T00:00:00Z'))).to.equal(2);
    expect(store.listFeedback().map((f) => [f.articleId, f.text])).to.deep.equal([['a', undefined], ['b', 'recent']]);
    expect(store.listUnanswered()).to.deep.equal([]);
    await dir.remove();
  });

  it('refuses a corrupt file rather than starting over', async () => {
    const dir = await makeTempDir();
    const file = join(dir.path, 'feedback.json');
    await writeFile(file, '{"feedback": [');
    let error: unknown;
    try {
      await FileFeedbackStore.open(file);
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(CorruptDataError);
    expect(await readFile(file, 'utf8')).to.equal('{"feedback": [');
    await dir.remove();
  });
});
