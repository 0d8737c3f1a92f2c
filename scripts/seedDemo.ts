// npm run seed:demo: fills the directory with the demo reseller, customers, subscriptions and invoices,
// and the service-health notices with one active incident (DATA_DIR files, or the Blob container).
import { loadConfig, readEnvironment } from '../bot/config.js';
import { DEMO } from '../bot/directory/demoDirectory.js';
import { seedDemoData } from './lib/seedDemoData.js';

try {
  const config = loadConfig(readEnvironment());
  const { directory: data, incident } = await seedDemoData(config);
  process.stdout.write(
    `Demo directory written to ${config.storage === 'blob' ? 'the Blob container' : config.dataDir}: ${data.customers.length} customers, ` +
      `${data.subscriptions.length} subscriptions, ${data.invoices.length} invoices, ` +
      `and incident ${incident.id} on ${incident.service} (end it with: npm run health -- clear ${incident.id}).\n` +
      `In Web Chat or the Emulator identify as domain ${DEMO.fabrikam.domain} with e-mail ${DEMO.fabrikam.admin}.\n`,
  );
} catch (err) {
  process.stderr.write(`Seeding failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
