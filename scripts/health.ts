// npm run health -- set|clear|list: the reseller maintains its own service-health notices, even while the bot runs.
import { terminalSafe } from '../bot/text/printable.js';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { openStorage } from '../bot/store/openStorage.js';
import { HEALTH_USAGE, runHealthCommand, UsageError } from './lib/healthCommand.js';

try {
  const config = loadConfig(readEnvironment());
  process.exitCode = await runHealthCommand(process.argv.slice(2), (await openStorage(config)).healthNotices, {
    out: (t) => process.stdout.write(`${terminalSafe(t)}\n`),
    now: () => new Date(),
  });
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`Error: ${err.message}\n\n${HEALTH_USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
