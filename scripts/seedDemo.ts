// npm run seed:demo: fills DATA_DIR/directory.json with the demo reseller, customers, subscriptions and invoices.
import { loadConfig, readEnvironment } from '../bot/config.js';
import { demoDirectory, DEMO } from '../bot/directory/demoDirectory.js';
import { lockDataDir } from '../bot/storage/dataDirLock.js';
import { openDirectory } from '../bot/storage/openStorage.js';

// The demo service-health incident is seeded by the health feature: add its seeding call here, after the directory.
try {
  const config = loadConfig(readEnvironment());
  const unlock = await lockDataDir(config.dataDir);
  try {
    const directory = await openDirectory(config);
    const data = demoDirectory();
    await directory.replace(data);
    process.stdout.write(
      `Demo directory written to ${config.dataDir}: ${data.customers.length} customers, ${data.subscriptions.length} subscriptions, ${data.invoices.length} invoices.\n` +
        `In Web Chat or the Emulator identify as domain ${DEMO.fabrikam.domain} with e-mail ${DEMO.fabrikam.admin}.\n`,
    );
  } finally {
    await unlock();
  }
} catch (err) {
  process.stderr.write(`Seeding failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
