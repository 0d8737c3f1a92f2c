// npm run --silent tickets -- list --json | show ID | update ID --status S --note "..." | escalate ID
// The reseller's ticket console; see bot/tickets/ticketConsole.ts for how it shares DATA_DIR with a running bot.
import { loadConfig, readEnvironment } from '../bot/config.js';
import { parseTicketArgs, runTicketCommand } from '../bot/tickets/ticketConsole.js';

try {
  const config = loadConfig(readEnvironment());
  const output = await runTicketCommand(parseTicketArgs(process.argv.slice(2)), {
    dataDir: config.dataDir,
    port: config.port,
    partnerCenterConfigured: config.partnerCenter !== undefined,
    ...(config.adminToken && { adminToken: config.adminToken }),
  });
  if (output !== '') process.stdout.write(`${output}\n`);
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
