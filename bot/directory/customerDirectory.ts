import { Low } from 'lowdb';
import { KeyedQueue } from '../keyedQueue.js';
import { DocumentAdapter } from '../store/documentAdapter.js';
import type { DocumentStore } from '../store/documentStore.js';
import { CorruptDataError } from '../store/errors.js';
import type { Contact, Customer, DirectoryData, Invoice, Reseller, Subscription } from './types.js';
import { validateImport } from './validateDirectory.js';

/** The directory's key in the store. */
export const DIRECTORY_KEY = 'directory';
const EMPTY: DirectoryData = { customers: [], subscriptions: [], invoices: [] };

/** The stored directory, checked record by record as an import would be: a wrong shape is refused with its path. */
function checked(where: string, data: DirectoryData | null): DirectoryData {
  if (data === null) return EMPTY;
  const { data: valid, issues } = validateImport(data, EMPTY);
  if (!valid) throw new CorruptDataError(where, `not a valid directory: ${issues[0]!.message}`, { path: `$.${issues[0]!.where}` });
  return valid;
}
const INITIAL_DOMAIN_SUFFIX = '.partner.onmschina.cn';

const lower = (s: string) => s.trim().toLowerCase();

/** The reseller's customers, subscriptions and invoices, one document in the store. Every query is scoped to one customer. */
export class CustomerDirectory {
  private readonly writes = new KeyedQueue();

  private constructor(
    private readonly db: Low<DirectoryData>,
    private readonly where: string,
  ) {}

  /** Opens (or starts empty) the directory; a damaged one throws CorruptDataError and is left untouched. */
  static async open(store: DocumentStore): Promise<CustomerDirectory> {
    const directory = new CustomerDirectory(
      new Low<DirectoryData>(new DocumentAdapter<DirectoryData>(store, DIRECTORY_KEY), EMPTY),
      DIRECTORY_KEY,
    );
    await directory.refresh();
    return directory;
  }

  /** Re-reads the stored copy, so an import made meanwhile (another process, another instance) shows up here. */
  refresh(): Promise<void> {
    return this.writes.run('directory', async () => {
      this.db.data = checked(this.where, await this.db.adapter.read());
    });
  }

  get data(): DirectoryData {
    return this.db.data;
  }

  reseller(): Reseller | undefined {
    return this.db.data.reseller;
  }

  customerById(id: string): Customer | undefined {
    return this.db.data.customers.find((c) => c.id === id);
  }

  customerByTenantId(tenantId: string): Customer | undefined {
    const t = lower(tenantId);
    return this.db.data.customers.find((c) => lower(c.tenantId) === t);
  }

  /** By the initial domain or one of the customer's verified custom domains. */
  customerByDomain(domain: string): Customer | undefined {
    const d = lower(domain).replace(/\.$/, '');
    return this.db.data.customers.find((c) => lower(c.initialDomain) === d || (c.domains ?? []).some((x) => lower(x) === d));
  }

  contactByEmail(customer: Customer, email: string): Contact | undefined {
    const e = lower(email);
    return customer.contacts.find((c) => lower(c.email) === e);
  }

  contactByAadObjectId(customer: Customer, aadObjectId: string): Contact | undefined {
    const id = lower(aadObjectId);
    return customer.contacts.find((c) => c.aadObjectId !== undefined && lower(c.aadObjectId) === id);
  }

  subscriptionsOf(customerId: string): Subscription[] {
    return this.db.data.subscriptions.filter((s) => s.customerId === customerId);
  }

  /** Newest period first. */
  invoicesOf(customerId: string): Invoice[] {
    return this.db.data.invoices.filter((i) => i.customerId === customerId).sort((a, b) => b.period.localeCompare(a.period));
  }

  /** An invoice by number, only if it belongs to this customer: another customer's number finds nothing. */
  invoiceOf(customerId: string, number: string): Invoice | undefined {
    const n = lower(number);
    return this.db.data.invoices.find((i) => i.customerId === customerId && lower(i.number) === n);
  }

  /** Whether `<prefix>.partner.onmschina.cn` is already some customer's initial domain. */
  domainPrefixInUse(prefix: string): boolean {
    const d = `${lower(prefix)}${INITIAL_DOMAIN_SUFFIX}`;
    return this.db.data.customers.some((c) => lower(c.initialDomain) === d);
  }

  /** Replaces the whole directory in one durable write (seed and import build the full result first). */
  replace(data: DirectoryData): Promise<void> {
    return this.writes.run('directory', async () => {
      this.db.data = data;
      await this.db.write();
    });
  }
}
