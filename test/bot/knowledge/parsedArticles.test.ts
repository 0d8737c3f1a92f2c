import { expect } from 'chai';
import { cp, readFile, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import type { Article } from '../../../bot/knowledge/article.js';
import { parseKey, serializeParsedArticles } from '../../../bot/knowledge/parsedArticles.js';
import { makeTempDir } from '../../support/tempDir.js';

const ROOT = join(import.meta.dirname, '../../..');

/** The build's cache for the articles under `dir`, read back as the bot reads it. */
async function cacheOf(dir: string): Promise<Map<string, Omit<Article, 'file'>>> {
  const { articles } = await loadKnowledge(dir, { required: [], cwd: ROOT });
  const entries = await Promise.all(
    articles.map(async (article) => ({ article, text: await readFile(resolve(ROOT, article.file), 'utf8') })),
  );
  return new Map(Object.entries(JSON.parse(serializeParsedArticles(entries))));
}

describe('curated articles parsed by the build (start-up cache)', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => (tmp = await makeTempDir()));
  afterEach(() => tmp.remove());

  it('loads the same articles and problems as parsing, with file paths from the working directory in use', async () => {
    const dir = join(ROOT, 'knowledge/articles');
    const parsed = await cacheOf(dir);
    expect(parsed.size).to.be.above(50);
    const plain = await loadKnowledge(dir, { cwd: tmp.path });
    const cached = await loadKnowledge(dir, { cwd: tmp.path, parsed });
    expect(cached).to.deep.equal(plain);
    expect(cached.articles[0]!.file).to.match(/^\.\.\//);
  });

  it('is used for the same text under the same name only: a moved file is parsed again and its problem reported', async () => {
    const dir = join(tmp.path, 'articles');
    await cp(join(ROOT, 'knowledge/articles'), dir, { recursive: true });
    const parsed = await cacheOf(dir);
    // The cache decides what a matching file holds...
    const file = join(dir, 'billing/fapiao.en.md');
    const key = parseKey(file, await readFile(file, 'utf8'));
    parsed.set(key, { ...parsed.get(key)!, title: 'Title from the cache' });
    const fromCache = await loadKnowledge(dir, { cwd: ROOT, parsed });
    expect(fromCache.articles.find((a) => a.id === 'billing/fapiao' && a.locale === 'en')!.title).to.equal('Title from the cache');
    // ...but not what the same text says under another name.
    await rename(file, join(dir, 'billing/fapiao-moved.en.md'));
    const moved = await loadKnowledge(dir, { cwd: ROOT, parsed, required: [] });
    expect(moved.problems.map((p) => p.message)).to.include('id "billing/fapiao" does not match the file path (billing/fapiao-moved)');
  });
});
