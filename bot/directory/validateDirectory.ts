import type { Contact, Customer, DirectoryData, Invoice, InvoiceLine, Reseller, Subscription } from './types.js';

/** One problem in an import file, with the line it is on when known. */
export interface ImportIssue {
  readonly line?: number;
  readonly where: string;
  readonly message: string;
}

export type Path = readonly (string | number)[];
export type LineOf = (path: Path) => number | undefined;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const INITIAL_DOMAIN = /^[a-z0-9-]{1,27}\.partner\.onmschina\.cn$/i;
const EMAIL = /^[^\s@]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects issues for one record; `path` places it in the file. */
class Checker {
  constructor(
    readonly issues: ImportIssue[],
    private readonly lineOf: LineOf,
  ) {}

  fail(path: Path, message: string): void {
    const line = this.lineOf(path);
    this.issues.push({
      ...(line !== undefined && { line }),
      where: path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .replace(/^\./, ''),
      message,
    });
  }

  str(r: Rec, key: string, path: Path, opts: { re?: RegExp; hint?: string; optional?: boolean } = {}): string | undefined {
    const v = r[key];
    if (v === undefined || v === null || v === '') {
      if (!opts.optional) this.fail([...path, key], `${key} is required`);
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() !== v)
      return void this.fail([...path, key], `${key} must be text without leading or trailing spaces`);
    if (opts.re && !opts.re.test(v)) return void this.fail([...path, key], `${key} "${v}" is not ${opts.hint ?? 'valid'}`);
    return v;
  }

  num(r: Rec, key: string, path: Path, opts: { min?: number; integer?: boolean; optional?: boolean } = {}): number | undefined {
    const v = r[key];
    if (v === undefined && opts.optional) return undefined;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      (opts.integer && !Number.isInteger(v)) ||
      (opts.min !== undefined && v < opts.min)
    ) {
      return void this.fail(
        [...path, key],
        `${key} must be ${opts.integer ? 'a whole number' : 'a number'}${opts.min !== undefined ? ` ≥ ${opts.min}` : ''}`,
      );
    }
    return v;
  }

  oneOf<T extends string>(r: Rec, key: string, path: Path, values: readonly T[], optional = false): T | undefined {
    const v = r[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v))
      return void this.fail([...path, key], `${key} must be one of ${values.join(', ')}`);
    return v as T;
  }
}

function contact(c: Checker, v: unknown, path: Path): Contact | undefined {
  if (!isRec(v)) return void c.fail(path, 'a contact must be an object');
  const name = c.str(v, 'name', path);
  const email = c.str(v, 'email', path, { re: EMAIL, hint: 'an e-mail address' });
  const phone = c.str(v, 'phone', path, { re: PHONE, hint: 'a phone number', optional: true });
  const aadObjectId = c.str(v, 'aadObjectId', path, { re: GUID, hint: 'a GUID', optional: true });
  const role = c.oneOf(v, 'role', path, ['admin', 'billing', 'user'] as const, true);
  if (!name || !email) return undefined;
  return {
    name,
    email: email.toLowerCase(),
    ...(phone && { phone }),
    ...(aadObjectId && { aadObjectId: aadObjectId.toLowerCase() }),
    ...(role && { role }),
  };
}

export function checkCustomer(c: Checker, v: unknown, path: Path): Customer | undefined {
  if (!isRec(v)) return void c.fail(path, 'a customer must be an object');
  const before = c.issues.length;
  const id = c.str(v, 'id', path, { re: ID, hint: 'an id (letters, digits, _ . -)' });
  const company = c.str(v, 'company', path);
  const tenantId = c.str(v, 'tenantId', path, { re: GUID, hint: 'a tenant id (GUID)' });
  const initialDomain = c.str(v, 'initialDomain', path, {
    re: INITIAL_DOMAIN,
    hint: 'an initial domain like contoso.partner.onmschina.cn',
  });
  const domains =
    v['domains'] === undefined
      ? []
      : Array.isArray(v['domains'])
        ? v['domains']
        : (c.fail([...path, 'domains'], 'domains must be a list'), []);
  domains.forEach((d, i) => typeof d !== 'string' && c.fail([...path, 'domains', i], 'a domain must be text'));
  const raw = Array.isArray(v['contacts']) ? v['contacts'] : (c.fail([...path, 'contacts'], 'contacts must be a list'), []);
  if (raw.length === 0) c.fail([...path, 'contacts'], 'a customer needs at least one contact');
  const contacts = raw.map((x, i) => contact(c, x, [...path, 'contacts', i]));
  const emails = new Set<string>();
  contacts.forEach((x, i) => {
    if (x && emails.has(x.email)) c.fail([...path, 'contacts', i, 'email'], `contact ${x.email} appears twice`);
    if (x) emails.add(x.email);
  });
  if (c.issues.length > before || !id || !company || !tenantId || !initialDomain) return undefined;
  return {
    id,
    company,
    tenantId: tenantId.toLowerCase(),
    initialDomain: initialDomain.toLowerCase(),
    ...(domains.length > 0 && { domains: (domains as string[]).map((d) => d.toLowerCase()) }),
    contacts: contacts as Contact[],
  };
}

function subscription(c: Checker, v: unknown, path: Path): Subscription | undefined {
  if (!isRec(v)) return void c.fail(path, 'a subscription must be an object');
  const before = c.issues.length;
  const id = c.str(v, 'id', path, { re: ID, hint: 'an id' });
  const customerId = c.str(v, 'customerId', path);
  const offer = c.str(v, 'offer', path);
  const services =
    Array.isArray(v['services']) && v['services'].every((s) => typeof s === 'string')
      ? (v['services'] as string[])
      : (c.fail([...path, 'services'], 'services must be a list of service ids'), []);
  const quantity = c.num(v, 'quantity', path, { min: 0, integer: true });
  const unitPriceCny = c.num(v, 'unitPriceCny', path, { min: 0, optional: true });
  const status = c.oneOf(v, 'status', path, ['active', 'trial', 'suspended', 'cancelled', 'expired'] as const);
  const term = c.oneOf(v, 'term', path, ['monthly', 'annual', 'triennial', 'payg'] as const);
  const renewalDate = c.str(v, 'renewalDate', path, { re: DATE, hint: 'a date (YYYY-MM-DD)', optional: true });
  const autoRenew =
    typeof v['autoRenew'] === 'boolean' ? v['autoRenew'] : (c.fail([...path, 'autoRenew'], 'autoRenew must be true or false'), false);
  if (c.issues.length > before) return undefined;
  return {
    id: id!,
    customerId: customerId!,
    offer: offer!,
    services,
    quantity: quantity!,
    ...(unitPriceCny !== undefined && { unitPriceCny }),
    status: status!,
    term: term!,
    ...(renewalDate && { renewalDate }),
    autoRenew,
  };
}

function invoice(c: Checker, v: unknown, path: Path): Invoice | undefined {
  if (!isRec(v)) return void c.fail(path, 'an invoice must be an object');
  const before = c.issues.length;
  const number = c.str(v, 'number', path, { re: ID, hint: 'an invoice number' });
  const customerId = c.str(v, 'customerId', path);
  const period = c.str(v, 'period', path, { re: PERIOD, hint: 'a period (YYYY-MM)' });
  const amountCny = c.num(v, 'amountCny', path);
  const status = c.oneOf(v, 'status', path, ['paid', 'unpaid', 'overdue'] as const);
  const dueDate = c.str(v, 'dueDate', path, { re: DATE, hint: 'a date (YYYY-MM-DD)' });
  const fapiao = c.oneOf(v, 'fapiao', path, ['not_requested', 'requested', 'issued'] as const);
  const raw = Array.isArray(v['lines']) ? v['lines'] : (c.fail([...path, 'lines'], 'lines must be a list'), []);
  const lines = raw.map((l, i): InvoiceLine | undefined => {
    const p = [...path, 'lines', i];
    if (!isRec(l)) return void c.fail(p, 'a line must be an object');
    const kind = c.oneOf(l, 'kind', p, ['recurring', 'proration', 'usage', 'credit'] as const, true);
    const line = {
      subscriptionId: c.str(l, 'subscriptionId', p),
      description: c.str(l, 'description', p),
      quantity: c.num(l, 'quantity', p, { min: 0 }),
      amountCny: c.num(l, 'amountCny', p),
    };
    return { ...(line as InvoiceLine), ...(kind && { kind }) };
  });
  if (c.issues.length > before) return undefined;
  const sum = Math.round(lines.reduce((s, l) => s + l!.amountCny, 0) * 100);
  if (sum !== Math.round(amountCny! * 100))
    return void c.fail([...path, 'amountCny'], `amountCny ${amountCny} is not the sum of its lines (${sum / 100})`);
  return {
    number: number!,
    customerId: customerId!,
    period: period!,
    amountCny: amountCny!,
    status: status!,
    dueDate: dueDate!,
    lines: lines as InvoiceLine[],
    fapiao: fapiao!,
  };
}

function reseller(c: Checker, v: unknown, path: Path): Reseller | undefined {
  if (!isRec(v)) return void c.fail(path, 'reseller must be an object');
  const before = c.issues.length;
  const h = isRec(v['supportHours'])
    ? v['supportHours']
    : (c.fail([...path, 'supportHours'], 'supportHours must be { days, start, end }'), {});
  const days =
    Array.isArray(h['days']) && h['days'].every((d) => Number.isInteger(d) && (d as number) >= 0 && (d as number) <= 6)
      ? (h['days'] as number[])
      : (c.fail([...path, 'supportHours', 'days'], 'days must be weekday numbers 0–6 (0 = Sunday)'), []);
  const start = c.str(h, 'start', [...path, 'supportHours'], { re: TIME, hint: 'a time (HH:MM)' });
  const end = c.str(h, 'end', [...path, 'supportHours'], { re: TIME, hint: 'a time (HH:MM)' });
  const out = {
    name: c.str(v, 'name', path),
    timeZone: c.str(v, 'timeZone', path),
    supportPhone: c.str(v, 'supportPhone', path, { re: PHONE, hint: 'a phone number' }),
    supportEmail: c.str(v, 'supportEmail', path, { re: EMAIL, hint: 'an e-mail address' }),
    portalUrl: c.str(v, 'portalUrl', path, { re: /^https:\/\//, hint: 'an https URL' }),
    signUpUrl: c.str(v, 'signUpUrl', path, { re: /^https:\/\//, hint: 'an https URL', optional: true }),
  };
  if (out.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: out.timeZone });
    } catch {
      c.fail([...path, 'timeZone'], `timeZone "${out.timeZone}" is not an IANA time zone`);
    }
  }
  const holidays = dateList(c, v, 'holidays', path);
  const extraWorkdays = dateList(c, v, 'extraWorkdays', path);
  extraWorkdays.forEach((d, i) => holidays.includes(d) && c.fail([...path, 'extraWorkdays', i], `${d} is also in holidays`));
  if (c.issues.length > before) return undefined;
  const { signUpUrl, ...rest } = out;
  return {
    ...(rest as Omit<Reseller, 'supportHours' | 'signUpUrl'>),
    supportHours: { days, start: start!, end: end! },
    ...(signUpUrl && { signUpUrl }),
    ...(holidays.length > 0 && { holidays }),
    ...(extraWorkdays.length > 0 && { extraWorkdays }),
  };
}

/** An optional list of calendar dates (YYYY-MM-DD that exist), each once. */
function dateList(c: Checker, v: Rec, key: string, path: Path): string[] {
  const raw = v[key];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return (c.fail([...path, key], `${key} must be a list of dates (YYYY-MM-DD)`), []);
  const seen = new Set<string>();
  raw.forEach((d, i) => {
    const at = typeof d === 'string' && DATE.test(d) ? new Date(`${d}T00:00:00Z`) : undefined;
    const real = at !== undefined && !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
    if (!real) c.fail([...path, key, i], `${key} entry ${JSON.stringify(d)} is not a date (YYYY-MM-DD)`);
    else if (seen.has(d)) c.fail([...path, key, i], `${d} appears twice in ${key}`);
    else seen.add(d);
  });
  return [...seen].sort();
}

/** What an import file may hold: customers, and optionally the reseller, subscriptions and invoices. */
export interface ImportResult {
  readonly data?: DirectoryData;
  readonly issues: readonly ImportIssue[];
}

/**
 * Validates every record and merges the import into `existing`: imported customers replace those with the
 * same id (with their subscriptions and invoices when the file has any). Nothing is returned when any record is bad.
 */
export function validateImport(input: unknown, existing: DirectoryData, lineOf: LineOf = () => undefined): ImportResult {
  const issues: ImportIssue[] = [];
  const c = new Checker(issues, lineOf);
  if (!isRec(input)) return { issues: [{ where: '', message: 'the file must hold an object with a "customers" list' }] };
  const list = (key: string): unknown[] =>
    input[key] === undefined && key !== 'customers'
      ? []
      : Array.isArray(input[key])
        ? (input[key] as unknown[])
        : (c.fail([key], `${key} must be a list`), []);
  const res = input['reseller'] === undefined ? existing.reseller : reseller(c, input['reseller'], ['reseller']);
  const customers = list('customers').map((v, i) => checkCustomer(c, v, ['customers', i]));
  const subs = list('subscriptions').map((v, i) => subscription(c, v, ['subscriptions', i]));
  const invoices = list('invoices').map((v, i) => invoice(c, v, ['invoices', i]));
  // Cross-record checks run on the records that are valid on their own, so one pass reports everything.
  const ok = <T>(xs: (T | undefined)[]) => xs.filter((x): x is T => x !== undefined);
  const ids = new Set(ok(customers).map((x) => x.id));
  const merged: DirectoryData = {
    ...(res && { reseller: res }),
    customers: [...existing.customers.filter((x) => !ids.has(x.id)), ...ok(customers)],
    subscriptions: [...existing.subscriptions.filter((s) => !(subs.length > 0 && ids.has(s.customerId))), ...ok(subs)],
    invoices: [...existing.invoices.filter((v) => !(invoices.length > 0 && ids.has(v.customerId))), ...ok(invoices)],
  };
  crossCheck(c, merged, customers, subs, invoices);
  return issues.length > 0 ? { issues } : { data: merged, issues };
}

/** Uniqueness and references across the whole merged directory; reported on the imported record. */
function crossCheck(
  c: Checker,
  all: DirectoryData,
  customers: (Customer | undefined)[],
  subs: (Subscription | undefined)[],
  invoices: (Invoice | undefined)[],
): void {
  const owner = new Map<string, string>();
  all.customers.forEach((x) => {
    for (const [kind, key] of [
      ['tenant id', x.tenantId],
      ['domain', x.initialDomain],
      ...(x.domains ?? []).map((d) => ['domain', d]),
    ] as const) {
      const k = `${kind}:${key}`;
      const first = owner.get(k);
      const i = customers.indexOf(x);
      if (first !== undefined && first !== x.id && i >= 0) c.fail(['customers', i], `${kind} ${key} is already used by customer ${first}`);
      else if (first !== undefined && first === x.id && i >= 0) c.fail(['customers', i], `customer id ${x.id} appears twice`);
      owner.set(k, x.id);
    }
  });
  const known = new Set(all.customers.map((x) => x.id));
  const subIds = new Set<string>();
  subs.forEach((s, i) => {
    if (!s) return;
    if (!known.has(s.customerId)) c.fail(['subscriptions', i, 'customerId'], `customer ${s.customerId} is not in the directory`);
    if (subIds.has(s.id)) c.fail(['subscriptions', i, 'id'], `subscription id ${s.id} appears twice`);
    subIds.add(s.id);
  });
  const allSubs = new Map(all.subscriptions.map((s) => [s.id, s]));
  const numbers = new Set<string>();
  invoices.forEach((v, i) => {
    if (!v) return;
    if (!known.has(v.customerId)) c.fail(['invoices', i, 'customerId'], `customer ${v.customerId} is not in the directory`);
    if (numbers.has(v.number)) c.fail(['invoices', i, 'number'], `invoice number ${v.number} appears twice`);
    numbers.add(v.number);
    v.lines.forEach((l, j) => {
      if (allSubs.get(l.subscriptionId)?.customerId !== v.customerId)
        c.fail(['invoices', i, 'lines', j, 'subscriptionId'], `subscription ${l.subscriptionId} is not one of customer ${v.customerId}'s`);
    });
  });
}
