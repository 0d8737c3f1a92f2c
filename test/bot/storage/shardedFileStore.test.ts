import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ShardedFileStore } from '../../../bot/storage/shardedFileStore.js';
import { CorruptDataError } from '../../../bot/storage/errors.js';
import { documentStoreContract } from '../../support/documentStoreContract.js';
import { makeTempDir } from '../../support/tempDir.js';

async function jsonFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const shard of await fs.readdir(root, { withFileTypes: true })) {
    if (!shard.isDirectory()) continue;
    for (const name of await fs.readdir(join(root, shard.name))) out.push(join(root, shard.name, name));
  }
  return out;
}

function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

describe('ShardedFileStore: the DocumentStore contract', () => {
  const opened = new Map<ShardedFileStore, { path: string; remove: () => Promise<void>; others: ShardedFileStore[] }>();
  documentStoreContract(
    async () => {
      const dir = await makeTempDir();
      const store = await ShardedFileStore.open(dir.path);
      const entry = { ...dir, others: [] as ShardedFileStore[] };
      opened.set(store, entry);
      return {
        store,
        // One process owns DATA_DIR (see lockDataDir), so a concurrent writer is this same instance.
        peer: async () => store,
        reopen: async () => {
          await store.close();
          const again = await ShardedFileStore.open(dir.path);
          entry.others.push(again);
          return again;
        },
      };
    },
    async ({ store }) => {
      const entry = opened.get(store as ShardedFileStore)!;
      await (store as ShardedFileStore).close();
      for (const other of entry.others) await other.close();
      await entry.remove();
    },
  );
});

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

  it('leaves no file behind for a deleted key', async () => {
    await store.write({ a: { v: 1 } });
    await store.delete(['a']);
    await reopen();
    expect(await jsonFiles(dir.path)).to.have.length(0);
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

  it('accepts a torn file whose key a journal still holds (a checkpoint cut short) and rewrites it', async () => {
    await store.write({ a: { v: 1 } });
    await reopen(); // checkpoint: a has its own file
    await store.write({ a: { v: 2 } }); // in the journal only
    await store.close();
    const [file] = await jsonFiles(dir.path);
    await fs.writeFile(file!, '{"key":"a","eT');
    store = await ShardedFileStore.open(dir.path);
    expect((await store.read(['a'])).a!.v).to.equal(2);
    expect(JSON.parse(await fs.readFile(file!, 'utf8')).value).to.deep.equal({ v: 2 });
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

  it('copies changed keys to their own files on the checkpoint thread, then retires the journal', async () => {
    await store.close();
    store = await ShardedFileStore.open(dir.path, { checkpointAfter: 10 });
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 25 }, (_, i) => store.write({ [`k${i}`]: { i, round } })));
    }
    await store.delete(['k0']);
    await store.flush();
    const files = await jsonFiles(dir.path);
    expect(files.length).to.be.at.least(10);
    for (const file of files) {
      const record = JSON.parse(await fs.readFile(file, 'utf8')) as { key: string; value: { i: number; round: number } };
      expect(ShardedFileStore.pathOf(dir.path, record.key).file).to.equal(file);
      // Each file holds the key's last version, or one that the journal still overrides.
      if (record.value.round !== 2) expect(await fs.readFile(join(dir.path, 'journal.jsonl'), 'utf8')).to.include(`"key":"${record.key}"`);
    }
    expect(await exists(join(dir.path, 'journal.checkpointing.jsonl'))).to.equal(false);
    const read = await (await reopen()).read(Array.from({ length: 25 }, (_, i) => `k${i}`));
    expect(Object.keys(read)).to.have.length(24);
    expect(Object.values(read).every((doc) => doc.round === 2)).to.equal(true);
  });

  it('copies a retired journal that a crash left behind before the current one, and loses neither', async () => {
    await store.close();
    const line = (r: object) => JSON.stringify(r) + '\n';
    await fs.writeFile(join(dir.path, 'journal.checkpointing.jsonl'), line({ key: 'a', eTag: 'e1', value: { v: 1 } }) + line({ key: 'b', eTag: 'e2', value: { v: 1 } }));
    await fs.writeFile(join(dir.path, 'journal.jsonl'), line({ key: 'a', eTag: 'e3', value: { v: 2 } }) + line({ key: 'c', eTag: 'e4', value: { v: 3 } }) + line({ key: 'c', deleted: true }));
    store = await ShardedFileStore.open(dir.path);
    const read = await store.read(['a', 'b', 'c']);
    expect({ a: read.a?.v, b: read.b?.v, c: read.c }).to.deep.equal({ a: 2, b: 1, c: undefined });
    const onDisk = await Promise.all((await jsonFiles(dir.path)).map(async (f) => JSON.parse(await fs.readFile(f, 'utf8')) as { key: string; value: { v: number } }));
    expect(onDisk.map((r) => [r.key, r.value.v]).sort()).to.deep.equal([
      ['a', 2],
      ['b', 1],
    ]);
    expect(await exists(join(dir.path, 'journal.checkpointing.jsonl'))).to.equal(false);
    expect(await fs.readFile(join(dir.path, 'journal.jsonl'), 'utf8')).to.equal('');
  });

  it('lets the process end while the checkpoint thread is idle, with the store still open', async () => {
    const child = join(import.meta.dirname, '../../support/idleStoreProcess.ts');
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', child, join(dir.path, 'other')], (err, out) => (err ? reject(err) : resolve(out))),
    );
    expect(stdout).to.equal('flushed\n');
  });
});
