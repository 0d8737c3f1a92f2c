// npm run --silent tickets -- list --json | show ID | update ID --status S --note "..." | escalate ID
// The reseller's ticket console; see bot/tickets/ticketConsole.ts for how it shares DATA_DIR with a running bot.
import { loadConfig, readEnvironment } from '../bot/config.js';
import { terminalSafe } from '../bot/text/printable.js';
import { openDirectory, openTickets } from '../bot/storage/openStorage.js';
import { BlobDocumentStore } from '../bot/storage/blobDocumentStore.js';
import { PrefixedStore } from '../bot/storage/prefixedStore.js';
import { deskOn } from '../bot/tickets/offlineDesk.js';
import { parseTicketArgs, runTicketCommand, type ConsoleSettings } from '../bot/tickets/ticketConsole.js';

try {
  const config = loadConfig(readEnvironment());
  const partnerCenterConfigured = config.partnerCenter !== undefined;
  const cmd = parseTicketArgs(process.argv.slice(2));
  let shared: ConsoleSettings['shared'];
  if (config.storage === 'blob' && config.blob) {
    // Every bot instance shares the container; the bot sends the queued status notices.
    const { tickets } = await openTickets(config);
    const root = await BlobDocumentStore.open(config.blob.connectionString, config.blob.container);
    shared = { tickets, desk: deskOn({ outboxStore: new PrefixedStore(root, 'outbox/'), tickets, directory: await openDirectory(config), partnerCenterConfigured }) };
  }
  const output = await runTicketCommand(cmd, {
    dataDir: config.dataDir,
    port: config.port,
    partnerCenterConfigured,
    ...(config.adminToken && { adminToken: config.adminToken }),
    ...(shared && { shared }),
  });
  // Ticket titles and notes come from customers: no terminal control sequence reaches the screen.
  if (output !== '') process.stdout.write(`${terminalSafe(output)}\n`);
} catch (err) {
  process.stderr.write(`${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(1);
}
