import { expect } from 'chai';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CustomerDirectory } from '../../bot/directory/customerDirectory.js';
import { FileStore } from '../../bot/store/fileStore.js';
import { DEMO, demoDirectory } from '../../bot/directory/demoDirectory.js';
import { matchContact, resolveCustomer } from '../../bot/directory/resolveCustomer.js';
import { validateImport } from '../../bot/directory/validateDirectory.js';
import { CorruptDataError } from '../../bot/store/errors.js';
import { makeTempDir } from '../support/tempDir.js';

describe('CustomerDirectory', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => (dir = await makeTempDir('directory-')));
  afterEach(() => dir.remove());

  const store = () => new FileStore(dir.path);
  const file = () => store().fileOf('directory');

  async function seeded(): Promise<CustomerDirectory> {
    const d = await CustomerDirectory.open(store());
    await d.replace(demoDirectory());
    return CustomerDirectory.open(store()); // re-read from disk
  }

  it('starts empty without creating a file, and a replace is on disk', async () => {
    const d = await CustomerDirectory.open(store());
    expect(d.data.customers).to.deep.equal([]);
    expect(await readFile(file(), 'utf8').catch(() => 'absent')).to.equal('absent');
    await d.replace(demoDirectory());
    const onDisk = JSON.parse(await readFile(file(), 'utf8')).value;
    expect(onDisk.customers).to.have.length(3);
    expect(onDisk.reseller.timeZone).to.equal('Asia/Shanghai');
  });

  it('refuses a corrupt file and leaves it untouched', async () => {
    await mkdir(join(file(), '..'), { recursive: true });
    await writeFile(file(), '{"customers": [');
    let error: unknown;
    await CustomerDirectory.open(store()).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(CorruptDataError);
    expect(await readFile(file(), 'utf8')).to.equal('{"customers": [');
  });

  it('refuses a directory of the wrong shape with the JSON path of the problem, on open and on reload', async () => {
    const s = store();
    await s.write({ directory: { customers: 5 } });
    let error: unknown;
    await CustomerDirectory.open(s).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(CorruptDataError);
    expect((error as Error).message).to.include('$.customers');
    await s.write({ directory: { ...demoDirectory() } });
    const d = await CustomerDirectory.open(s);
    await s.write({ directory: { ...demoDirectory(), customers: [{ id: 'c-x', company: 'X' }] } });
    error = undefined;
    await d.refresh().catch((e: unknown) => (error = e));
    expect((error as Error).message).to.include('$.customers[0]');
    // The last good copy stays in use, and the stored document is left as it is.
    expect(d.customerById('c-fabrikam')?.company).to.include('Fabrikam');
    expect(((await s.read(['directory'])).directory!.customers as unknown[]).length).to.equal(1);
  });

  it('finds customers by tenant id and by initial or custom domain, case-insensitively', async () => {
    const d = await seeded();
    expect(d.customerByTenantId(DEMO.fabrikam.tenantId.toUpperCase())?.id).to.equal('c-fabrikam');
    expect(d.customerByDomain('FabrikamSH.partner.onmschina.cn')?.id).to.equal('c-fabrikam');
    expect(d.customerByDomain('fabrikam.cn')?.id).to.equal('c-fabrikam');
    expect(d.customerByDomain('contoso.cn')).to.equal(undefined);
    expect(d.customerByTenantId('00000000-0000-0000-0000-000000000000')).to.equal(undefined);
  });

  it('finds contacts by e-mail and Entra object id within one customer only', async () => {
    const d = await seeded();
    const fabrikam = d.customerById('c-fabrikam')!;
    expect(d.contactByEmail(fabrikam, 'WANG.LEI@fabrikam.cn')?.name).to.equal('王磊');
    expect(d.contactByAadObjectId(fabrikam, DEMO.fabrikam.adminAad)?.email).to.equal(DEMO.fabrikam.admin);
    expect(d.contactByEmail(fabrikam, DEMO.northwind.admin)).to.equal(undefined);
  });

  it('lists subscriptions and invoices per customer, newest invoice first; invoice numbers are scoped', async () => {
    const d = await seeded();
    expect(d.subscriptionsOf('c-northwind').map((s) => s.offer)).to.include('Office 365 E5 (trial)');
    expect(d.invoicesOf('c-fabrikam').map((i) => i.period)).to.deep.equal(['2026-11', '2026-10', '2026-09', '2026-08']);
    expect(d.invoiceOf('c-fabrikam', 'inv-202611-0101')?.amountCny).to.equal(7088);
    expect(d.invoiceOf('c-fabrikam', 'INV-202611-0202')).to.equal(undefined);
  });

  it('knows which initial domain prefixes are taken', async () => {
    const d = await seeded();
    expect(d.domainPrefixInUse('FABRIKAMSH')).to.equal(true);
    expect(d.domainPrefixInUse('fabrikam')).to.equal(false);
  });

  it('the demo data passes import validation (it is the JSON format example)', () => {
    expect(validateImport(demoDirectory(), { customers: [], subscriptions: [], invoices: [] }).issues).to.deep.equal([]);
  });

  describe('resolveCustomer', () => {
    it('Teams: tenant and object id identify a contact; unknown tenant and non-contact are told apart', async () => {
      const d = await seeded();
      const ok = resolveCustomer(d, { teams: { tenantId: DEMO.tailspin.tenantId, aadObjectId: DEMO.tailspin.adminAad } });
      expect(ok.status === 'identified' && ok.contact.email).to.equal(DEMO.tailspin.admin);
      expect(resolveCustomer(d, { teams: { tenantId: DEMO.tailspin.tenantId, aadObjectId: DEMO.fabrikam.adminAad } }).status).to.equal(
        'notContact',
      );
      expect(
        resolveCustomer(d, { teams: { tenantId: '11111111-2222-4333-8444-555555555555', aadObjectId: DEMO.fabrikam.adminAad } }).status,
      ).to.equal('unknownTenant');
    });

    it('a stored reference is re-checked against the directory', async () => {
      const d = await seeded();
      expect(resolveCustomer(d, { ref: { customerId: 'c-fabrikam', contactEmail: DEMO.fabrikam.admin } }).status).to.equal('identified');
      expect(resolveCustomer(d, { ref: { customerId: 'c-fabrikam', contactEmail: DEMO.northwind.admin } }).status).to.equal('anonymous');
      expect(resolveCustomer(d, {}).status).to.equal('anonymous');
    });

    it('domain and e-mail must belong to the same customer', async () => {
      const d = await seeded();
      expect(matchContact(d, 'fabrikam.cn', DEMO.fabrikam.admin)?.customer.id).to.equal('c-fabrikam');
      expect(matchContact(d, DEMO.fabrikam.domain, DEMO.northwind.admin)).to.equal(undefined);
    });
  });
});
