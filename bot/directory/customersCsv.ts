import type { ImportIssue, LineOf } from './validateDirectory.js';

export const CSV_COLUMNS = [
  'customer_id',
  'company',
  'tenant_id',
  'initial_domain',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_aad_object_id',
  'contact_role',
] as const;
const REQUIRED = CSV_COLUMNS.slice(0, 6);

interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** RFC 4180 records (quoted cells may hold commas, quotes and line breaks), each with the line it starts on. */
export function parseCsv(text: string): { rows: CsvRow[]; error?: ImportIssue } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '"')
      return {
        rows,
        error: {
          line,
          where: `line ${line}`,
          message: 'a quote inside an unquoted cell; put the whole cell in quotes and double the quote',
        },
      };
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((c) => c.trim() !== '')) rows.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { rows, error: { line: start, where: `line ${start}`, message: 'a quoted cell is never closed' } };
  cells.push(cell);
  if (cells.some((c) => c.trim() !== '')) rows.push({ line: start, cells });
  return { rows };
}

/**
 * Turns a customers CSV (one row per contact; rows with the same customer_id form one customer) into the
 * import object, with a line lookup so that validation issues name the CSV line.
 */
export function customersFromCsv(text: string): { input?: { customers: unknown[] }; lineOf: LineOf; issues: ImportIssue[] } {
  const { rows, error } = parseCsv(text);
  const none: LineOf = () => undefined;
  if (error) return { lineOf: none, issues: [error] };
  const [header, ...body] = rows;
  if (!header) return { lineOf: none, issues: [{ where: 'file', message: 'the file is empty' }] };
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    const parts = [
      missing.length > 0 && `missing column(s) ${missing.join(', ')}`,
      unknown.length > 0 && `unknown column(s) ${unknown.join(', ')}`,
    ].filter(Boolean);
    return {
      lineOf: none,
      issues: [{ line: header.line, where: 'header', message: `${parts.join('; ')}. Expected: ${CSV_COLUMNS.join(',')}` }],
    };
  }
  const issues: ImportIssue[] = [];
  const customers: Array<{ id: string; company: string; tenantId: string; initialDomain: string; contacts: Record<string, string>[] }> = [];
  const lines: Array<{ line: number; contactLines: number[] }> = [];
  for (const row of body) {
    if (row.cells.length !== names.length) {
      issues.push({ line: row.line, where: `line ${row.line}`, message: `has ${row.cells.length} cells, the header has ${names.length}` });
      continue;
    }
    const get = (col: string) => row.cells[names.indexOf(col)]?.trim() ?? '';
    const id = get('customer_id');
    const contact = Object.fromEntries(
      (
        [
          ['name', 'contact_name'],
          ['email', 'contact_email'],
          ['phone', 'contact_phone'],
          ['aadObjectId', 'contact_aad_object_id'],
          ['role', 'contact_role'],
        ] as const
      )
        .map(([k, col]) => [k, get(col)] as const)
        .filter(([, v]) => v !== ''),
    );
    const index = customers.findIndex((c) => c.id === id && id !== '');
    if (index < 0) {
      customers.push({
        id,
        company: get('company'),
        tenantId: get('tenant_id'),
        initialDomain: get('initial_domain'),
        contacts: [contact],
      });
      lines.push({ line: row.line, contactLines: [row.line] });
      continue;
    }
    const first = customers[index]!;
    for (const [col, value] of [
      ['company', first.company],
      ['tenant_id', first.tenantId],
      ['initial_domain', first.initialDomain],
    ] as const) {
      if (get(col) !== '' && get(col) !== value)
        issues.push({
          line: row.line,
          where: `line ${row.line}`,
          message: `${col} "${get(col)}" differs from line ${lines[index]!.line} for customer ${id}`,
        });
    }
    first.contacts.push(contact);
    lines[index]!.contactLines.push(row.line);
  }
  if (body.length === 0) issues.push({ line: header.line, where: 'file', message: 'the file has a header but no rows' });
  const lineOf: LineOf = (path) => {
    const at = typeof path[1] === 'number' ? lines[path[1]] : undefined;
    if (!at) return undefined;
    return path[2] === 'contacts' && typeof path[3] === 'number' ? at.contactLines[path[3]] : at.line;
  };
  return { input: { customers }, lineOf, issues };
}
