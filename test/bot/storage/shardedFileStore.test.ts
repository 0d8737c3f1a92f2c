import { expect } from 'chai';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ShardedFileStore } from '../../../bot/storage/shardedFileStore.js';
import { CorruptDataError, ETagConflictError } from '../../../bot/storage/errors.js';
import { makeTempDir } from '../../support/tempDir.js';

async function jsonFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const shard of await fs.readdir(root, { withFileTypes: true })) {
    if (!shard.isDirectory()) continue;
    for (const name of await fs.readdir(join(root, shard.name))) out.push(join(root, shard.name, name));
  }
  return out;
}

describe('ShardedFileStore', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let store: ShardedFileStore;

  beforeEach(async () => {
    dir = await makeTempDir();
    store = await ShardedFileStore.open(dir.path);
  });
  afterEach(async () => {
    await store.close();
    await dir.remove();
  });

  /** Reopening replays the journal into the per-key files, as a restart would. */
  async function reopen(): Promise<ShardedFileStore> {
    await store.close();
    store = await ShardedFileStore.open(dir.path);
    return store;
  }

  it('returns nothing for keys never written', async () => {
    expect(await store.read(['missing'])).to.deep.equal({});
  });

  it('creates, reads back with an eTag, and keeps nested objects, Chinese text and emoji', async () => {
    const value = { name: '世纪互联 用户 🎉', nested: { list: [1, { deep: '深层' }], flag: true }, count: 0 };
    await store.write({ a: value });
    const read = await store.read(['a']);
    expect(read.a).to.deep.include(value);
    expect(read.a!.eTag).to.be.a('string').and.not.equal('');
  });

  it('reads several keys at once and skips the missing ones', async () => {
    await store.write({ k1: { v: 1 }, k2: { v: 2 } });
    const read = await store.read(['k1', 'k2', 'k3']);
    expect(Object.keys(read).sort()).to.deep.equal(['k1', 'k2']);
    expect(read.k2!.v).to.equal(2);
  });

  it('updates with the current eTag and gives the new version a new eTag', async () => {
    await store.write({ a: { v: 1 } });
    const first = (await store.read(['a'])).a!;
    await store.write({ a: { ...first, v: 2 } });
    const second = (await store.read(['a'])).a!;
    expect(second.v).to.equal(2);
    expect(second.eTag).to.not.equal(first.eTag);
  });

  it('rejects a write with a stale eTag and keeps the newer value', async () => {
    await store.write({ a: { v: 1 } });
    const stale = (await store.read(['a'])).a!;
    await store.write({ a: { ...stale, v: 2 } });
    let error: unknown;
    try {
      await store.write({ a: { ...stale, v: 3 } });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(ETagConflictError);
    expect((await store.read(['a'])).a!.v).to.equal(2);
  });

  it('overwrites with "*" or with no eTag at all', async () => {
    await store.write({ a: { v: 1 } });
    await store.write({ a: { v: 2, eTag: '*' } });
    expect((await store.read(['a'])).a!.v).to.equal(2);
    await store.write({ a: { v: 3 } });
    expect((await store.read(['a'])).a!.v).to.equal(3);
  });

  it('does not let callers change stored data by mutating what they read or wrote', async () => {
    const value = { list: [1] };
    await store.write({ a: value });
    value.list.push(2);
    const read = (await store.read(['a'])).a as { list: number[] };
    read.list.push(3);
    expect(((await store.read(['a'])).a as { list: number[] }).list).to.deep.equal([1]);
  });

  it('deletes, and deleting a missing key is fine', async () => {
    await store.write({ a: { v: 1 } });
    await store.delete(['a', 'never']);
    expect(await store.read(['a'])).to.deep.equal({});
    expect(await jsonFiles(dir.path)).to.have.length(0);
  });

  it('keeps data across a reopen, as a restart would', async () => {
    await store.write({ 'emulator/conversations/c1/': { dialogState: { stack: [] }, note: '中文' } });
    const reopened = await reopen();
    expect((await reopened.read(['emulator/conversations/c1/']))['emulator/conversations/c1/']!.note).to.equal('中文');
  });

  it('refuses to open over a corrupt or empty file, names it, and leaves it untouched', async () => {
    await store.write({ a: { v: 1 } });
    await reopen();
    const [file] = await jsonFiles(dir.path);
    for (const content of ['{"key":"a","eTag":"x","val', '']) {
      await fs.writeFile(file!, content);
      let error: unknown;
      try {
        await ShardedFileStore.open(dir.path);
      } catch (err) {
        error = err;
      }
      expect(error).to.be.instanceOf(CorruptDataError);
      expect((error as CorruptDataError).file).to.equal(file);
      expect((error as Error).message).to.include(file!);
      expect(await fs.readFile(file!, 'utf8')).to.equal(content);
    }
  });

  it('clears temp files left by an interrupted write when it opens', async () => {
    await store.write({ a: { v: 1 } });
    await reopen();
    const [file] = await jsonFiles(dir.path);
    const leftover = join(file!, '..', '.x.json.123.abcd.tmp');
    await fs.writeFile(leftover, '{"half');
    await reopen();
    expect(await jsonFiles(dir.path)).to.deep.equal([file]);
  });

  it('recovers acknowledged writes from the journal when the process died before copying them', async () => {
    await store.write({ a: { v: 1 }, b: { v: '二' } });
    await store.delete(['b']);
    // A second instance on the same folder sees what a restart after a crash would see.
    const recovered = await ShardedFileStore.open(dir.path);
    expect((await recovered.read(['a', 'b'])).a!.v).to.equal(1);
    expect(await recovered.read(['b'])).to.deep.equal({});
    await recovered.close();
  });

  it('drops a torn last journal line (never acknowledged) but refuses a damaged one in the middle', async () => {
    await store.write({ a: { v: 1 } });
    await store.close();
    const journal = join(dir.path, 'journal.jsonl');
    await fs.appendFile(journal, '{"key":"b","eTag":"x","val');
    store = await ShardedFileStore.open(dir.path);
    expect(Object.keys(await store.read(['a', 'b']))).to.deep.equal(['a']);
    await store.write({ c: { v: 3 } });
    await store.close();
    const text = await fs.readFile(journal, 'utf8');
    await fs.writeFile(journal, `garbage\n${text}`);
    let error: unknown;
    try {
      store = await ShardedFileStore.open(dir.path);
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(CorruptDataError);
    expect((error as Error).message).to.include('journal.jsonl').and.include('line 1');
    store = await ShardedFileStore.open(join(dir.path, 'elsewhere'));
  });
});
