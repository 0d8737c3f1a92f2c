// npm run import -- customers.csv|customers.json: validate every row, then write all of it or nothing.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { CSV_COLUMNS } from '../bot/directory/customersCsv.js';
import { parseImportFile } from '../bot/directory/importFile.js';
import { openStorage } from '../bot/store/openStorage.js';

const HELP = `Usage: npm run import -- <customers.csv | customers.json>

Imports a reseller's customers into the directory (DATA_DIR, or the Blob container). Every row is checked first; if any row
is bad, each problem is listed with its line number and nothing is written. Customers whose id is
already in the directory are replaced; others are kept. A running bot picks the change up within 30 seconds.

CSV: UTF-8 (with or without BOM) or GB18030 (Excel's plain "CSV" on Chinese Windows); other
encodings are refused. A header row, then one row per contact. Rows with the same customer_id form
one customer (company, tenant_id and initial_domain may be left empty on its later rows).
Cells with commas, quotes or line breaks go in double quotes ("" for a quote).
  ${CSV_COLUMNS.join(',')}
  customer_id            required, letters/digits/_ . -        c-fabrikam
  company                required, Chinese or English          法布里卡姆贸易 Fabrikam Trading
  tenant_id              required, Microsoft Entra tenant GUID
  initial_domain         required, <1–27 letters/digits/->.partner.onmschina.cn
  contact_name           required
  contact_email          required, unique within the customer
  contact_phone          optional, e.g. 13812345678 or +86 138 1234 5678
  contact_aad_object_id  optional, the contact's Entra object id (recognises them in Teams)
  contact_role           optional: admin, billing or user

JSON: { "reseller"?: {...}, "customers": [...], "subscriptions"?: [...], "invoices"?: [...] }
in the shape of bot/directory/types.ts (bot/directory/demoDirectory.ts is an example).
When the file has subscriptions or invoices, they replace those of the imported customers.`;

const file = process.argv[2];
if (!file || file === '--help' || file === '-h') {
  process.stdout.write(HELP + '\n');
  process.exit(file ? 0 : 2);
}

try {
  const config = loadConfig(readEnvironment());
  const bytes = await readFile(file);
  const { directory } = await openStorage(config);
  const { data, issues } = parseImportFile(file, bytes, directory.data);
  if (!data) {
    for (const i of issues)
      process.stderr.write(`${basename(file)}${i.line !== undefined ? `:${i.line}` : ''}: ${i.where ? `${i.where}: ` : ''}${i.message}\n`);
    process.stderr.write(`${issues.length} problem(s); nothing was imported.\n`);
    process.exitCode = 1;
  } else {
    await directory.replace(data);
    process.stdout.write(
      `Imported ${basename(file)}: the directory now has ${data.customers.length} customer(s), ` +
        `${data.subscriptions.length} subscription(s), ${data.invoices.length} invoice(s).\n`,
    );
  }
} catch (err) {
  process.stderr.write(`Import failed: ${(err as Error).message}\nNothing was imported.\n`);
  process.exitCode = 1;
}
