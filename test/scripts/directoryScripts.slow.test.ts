import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEMO } from '../../bot/directory/demoDirectory.js';
import { makeTempDir } from '../support/tempDir.js';
import { FileStore } from '../../bot/store/fileStore.js';

const ROOT = join(import.meta.dirname, '../..');
// tsx's loader by path: the scripts run from a temp folder, where a bare 'tsx' would not resolve.
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const HEADER = 'customer_id,company,tenant_id,initial_domain,contact_name,contact_email,contact_phone,contact_aad_object_id,contact_role';

/** Runs a script as `npm run` would (tsx), with only DATA_DIR set, in a folder without a .env. */
function run(script: string, args: string[], dataDir: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, join(ROOT, 'scripts', script), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } },
      (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run seed:demo and npm run import', function () {
  this.timeout(60_000);
  let dir: { path: string; remove: () => Promise<void> };
  /** The directory document in DATA_DIR's store, where the scripts and the bot keep it. */
  const file = () => new FileStore(join(dir.path, 'data', 'store')).fileOf('directory');
  beforeEach(async () => (dir = await makeTempDir('scripts-')));
  afterEach(() => dir.remove());

  it('seed:demo writes the demo reseller, three customers, subscriptions and invoices', async () => {
    const r = await run('seedDemo.ts', [], join(dir.path, 'data'), dir.path);
    expect(r.code, r.stderr).to.equal(0);
    const data = JSON.parse(await readFile(file(), 'utf8')).value;
    expect(data.reseller.supportHours).to.deep.equal({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' });
    expect(data.customers.map((c: { initialDomain: string }) => c.initialDomain)).to.deep.equal([
      DEMO.fabrikam.domain,
      DEMO.northwind.domain,
      DEMO.tailspin.domain,
    ]);
    expect(r.stdout).to.include(DEMO.fabrikam.admin);
  });

  it('a malformed CSV writes nothing and lists each bad line; a good one is imported', async () => {
    await run('seedDemo.ts', [], join(dir.path, 'data'), dir.path);
    const before = await readFile(file(), 'utf8');
    const bad = join(dir.path, 'customers.csv');
    await writeFile(
      bad,
      [
        HEADER,
        'c-new,New Co,3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b,newco.partner.onmschina.cn,Ann,ann@newco.cn,,,',
        'c-bad,Bad Co,nope,bad_domain,Bo,bo@bad.cn,,,',
      ].join('\n'),
    );
    const r = await run('import.ts', [bad], join(dir.path, 'data'), dir.path);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.include('customers.csv:3: customers[1].tenantId: tenantId "nope" is not a tenant id (GUID)');
    expect(r.stderr).to.include('customers.csv:3: customers[1].initialDomain');
    expect(r.stderr).to.include('nothing was imported');
    expect(await readFile(file(), 'utf8')).to.equal(before);

    await writeFile(
      bad,
      [HEADER, 'c-new,New Co,3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b,newco.partner.onmschina.cn,Ann,ann@newco.cn,,,'].join('\n'),
    );
    const ok = await run('import.ts', [bad], join(dir.path, 'data'), dir.path);
    expect(ok.code, ok.stderr).to.equal(0);
    const after = JSON.parse(await readFile(file(), 'utf8')).value;
    expect(after.customers.map((c: { id: string }) => c.id)).to.deep.equal(['c-fabrikam', 'c-northwind', 'c-tailspin', 'c-new']);
  });

  it('a GB18030 CSV saved by Excel on Chinese Windows is stored with the exact Chinese names', async () => {
    const gb = join(ROOT, 'test/directory/fixtures/customers-gb18030.csv');
    const r = await run('import.ts', [gb], join(dir.path, 'data'), dir.path);
    expect(r.code, r.stderr).to.equal(0);
    const stored = JSON.parse(await readFile(file(), 'utf8')).value;
    const names = stored.customers.map((c: { company: string; contacts: { name: string }[] }) => [
      c.company,
      c.contacts.map((x) => x.name),
    ]);
    expect(names).to.deep.equal([['上海某某科技有限公司', ['张伟', '李娜（财务）']]]);
  });

  it('a CSV that is neither UTF-8 nor GB18030 writes nothing and names the file and line', async () => {
    const bad = join(dir.path, 'latin1.csv');
    const row = 'c-a,Café Sàrl,3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b,a.partner.onmschina.cn,Ann,ann@a.cn,,,';
    await writeFile(bad, Buffer.from(`${HEADER}\n${row}\n`, 'latin1'));
    const r = await run('import.ts', [bad], join(dir.path, 'data'), dir.path);
    expect(r.code).to.equal(1);
    expect(r.stderr)
      .to.match(/^latin1\.csv:2: line 2: bytes that are neither UTF-8 nor GB18030/m)
      .and.include('nothing was imported');
    expect(await readFile(file(), 'utf8').catch(() => 'absent')).to.equal('absent');
  });

  it('malformed JSON writes nothing, with the line of the syntax error', async () => {
    const bad = join(dir.path, 'customers.json');
    await writeFile(bad, '{\n  "customers": [\n    { "id": "c-a" \n  ]\n}\n');
    const r = await run('import.ts', [bad], join(dir.path, 'data'), dir.path);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/customers\.json:4: file: not valid JSON/);
    expect(await readFile(file(), 'utf8').catch(() => 'absent')).to.equal('absent');
  });

  it('a JSON file with one bad record writes nothing', async () => {
    const bad = join(dir.path, 'customers.json');
    await writeFile(
      bad,
      JSON.stringify(
        {
          customers: [
            {
              id: 'c-a',
              company: 'A',
              tenantId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
              initialDomain: 'a.partner.onmschina.cn',
              contacts: [{ name: 'Ann', email: 'bad' }],
            },
          ],
        },
        null,
        2,
      ),
    );
    const r = await run('import.ts', [bad], join(dir.path, 'data'), dir.path);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/customers\.json:11: customers\[0\]\.contacts\[0\]\.email/);
    expect(await readFile(file(), 'utf8').catch(() => 'absent')).to.equal('absent');
  });

  it('--help documents the CSV columns', async () => {
    const r = await run('import.ts', ['--help'], join(dir.path, 'data'), dir.path);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.include(HEADER).and.include('nothing is written');
  });
});
