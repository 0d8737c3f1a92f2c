import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { CorruptDataError } from '../../../bot/store/errors.js';
import { FileStore } from '../../../bot/store/fileStore.js';
import { documentStoreContract } from '../../support/documentStoreContract.js';
import { makeTempDir } from '../../support/tempDir.js';

const RACER = join(import.meta.dirname, '../../support/casRacer.ts');

function race(root: string, times: number): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', RACER, root, String(times)], (err) => (err ? reject(err) : resolve())),
  );
}

describe('FileStore (DATA_DIR as one JSON file per key)', function () {
  this.timeout(60_000);
  let dir: Awaited<ReturnType<typeof makeTempDir>>;

  describe('the DocumentStore contract', () => {
    documentStoreContract(
      async () => {
        dir = await makeTempDir();
        // A second FileStore on the same folder has its own in-process queue: it stands for another process.
        const open = async () => new FileStore(dir.path);
        return { store: await open(), peer: open, reopen: open };
      },
      async () => dir.remove(),
    );
  });

  describe('files on disk', () => {
    beforeEach(async () => (dir = await makeTempDir()));
    afterEach(() => dir.remove());

    it('keeps every name inside its namespace folder: no "..", no hidden files, hashes for long keys', async () => {
      const store = new FileStore(dir.path);
      const keys = ['state/../../escape', 'state/..', 'tickets/.hidden', 'tickets/a\\b:c*d?', `state/${'z'.repeat(500)}`];
      await store.write(Object.fromEntries(keys.map((k) => [k, { k }])));
      const files = await fs.readdir(join(dir.path, 'state'));
      expect(files.every((f) => f.endsWith('.json') && !f.startsWith('.'))).to.equal(true);
      expect(files.some((f) => f.startsWith('~'))).to.equal(true);
      expect((await fs.readdir(dir.path)).sort()).to.deep.equal(['state', 'tickets']);
      expect(Object.keys(await store.read(keys)).sort()).to.deep.equal([...keys].sort());
    });

    it('creates folders and files owner-only (0700 and 0600)', async function () {
      if (process.platform === 'win32') this.skip();
      const store = new FileStore(dir.path);
      await store.write({ 'tickets/T-1001': { title: 'x' }, 'state/emulator/users/u/': { language: 'en' } });
      expect((await fs.stat(join(dir.path, 'tickets'))).mode & 0o777).to.equal(0o700);
      for (const key of ['tickets/T-1001', 'state/emulator/users/u/'])
        expect((await fs.stat(store.fileOf(key))).mode & 0o777).to.equal(0o600);
    });

    it('refuses a damaged file with its name, never overwrites it, and reads the others', async () => {
      const store = new FileStore(dir.path);
      await store.write({ 'tickets/T-1001': { ok: true }, 'tickets/T-1002': { ok: true } });
      const broken = store.fileOf('tickets/T-1001');
      await fs.writeFile(broken, '{"key":"tickets/T-1001","eTag":"x","value":');
      let error: unknown;
      await store.read(['tickets/T-1001']).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(CorruptDataError);
      expect((error as Error).message).to.include(broken);
      await store.write({ 'tickets/T-1001': { ok: false, eTag: 'whatever' } }).catch((e: unknown) => (error = e));
      expect(await fs.readFile(broken, 'utf8')).to.equal('{"key":"tickets/T-1001","eTag":"x","value":');
      expect((await store.read(['tickets/T-1002']))['tickets/T-1002']!.ok).to.equal(true);
      await fs.writeFile(broken, '{"key":"tickets/T-1001","eTag":"x","value":5}');
      await store.read(['tickets/T-1001']).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.include('$.value');
    });

    it('three processes racing compare-and-swap increments on one key lose none of them', async () => {
      await Promise.all([race(dir.path, 25), race(dir.path, 25), race(dir.path, 25)]);
      expect((await new FileStore(dir.path).read(['race/counter']))['race/counter']!.n).to.equal(75);
    });
  });
});
