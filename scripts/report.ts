// npm run --silent report [-- --json] [-- --days N]: outcomes per language and overall (see docs/desk.md).
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { buildReport } from '../bot/outcomes/outcomeReport.js';
import { formatReport } from '../bot/outcomes/formatReport.js';
import { openStorage } from '../bot/store/openStorage.js';
import { terminalSafe } from '../bot/text/printable.js';

const USAGE = 'usage: npm run --silent report -- [--json] [--days N]   (N from 1 to 3650, default 30)';

let options: { json: boolean; days: number };
try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { json: { type: 'boolean', default: false }, days: { type: 'string', default: '30' } },
    strict: true,
    allowPositionals: false,
  });
  const days = Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(`--days must be a whole number from 1 to 3650 (got "${values.days}")`);
  options = { json: values.json === true, days };
} catch (err) {
  process.stderr.write(`${terminalSafe((err as Error).message)}\n${USAGE}\n`);
  process.exit(2);
}
try {
  const stores = await openStorage(loadConfig(readEnvironment()));
  const report = await buildReport({ store: stores.store, feedback: stores.feedback, days: options.days, now: new Date() });
  await stores.close();
  // Unanswered questions are the customers' words: no terminal control sequence reaches the screen.
  process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : terminalSafe(formatReport(report))}\n`);
} catch (err) {
  process.stderr.write(`${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
}
