// npm run --silent tickets -- list --json | show ID | update ID --status S --note "..." | escalate ID
// The reseller's ticket console. It opens the store directly, whether or not the bot is running.
import { loadConfig, readEnvironment } from '../bot/config.js';
import { openStorage } from '../bot/store/openStorage.js';
import { terminalSafe } from '../bot/text/printable.js';
import { parseTicketArgs, runTicketCommand, type TicketCommand } from '../bot/tickets/ticketConsole.js';
import { consoleDesk } from '../bot/tickets/ticketDesk.js';

const fail = (err: unknown, code: number): never => {
  // Bad arguments, unknown tickets, refused changes, configuration and data problems: the message says what to do.
  process.stderr.write(`${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
  process.exit(code);
};

let cmd: TicketCommand;
try {
  cmd = parseTicketArgs(process.argv.slice(2));
} catch (err) {
  fail(err, 2);
}
try {
  const config = loadConfig(readEnvironment());
  const stores = await openStorage(config);
  const desk = consoleDesk({
    outboxStore: stores.outbox,
    tickets: stores.tickets,
    directory: stores.directory,
    partnerCenterConfigured: config.partnerCenter !== undefined,
  });
  const output = await runTicketCommand(cmd!, stores.tickets, desk);
  // Ticket titles and notes come from customers: no terminal control sequence reaches the screen.
  if (output !== '') process.stdout.write(`${terminalSafe(output)}\n`);
} catch (err) {
  fail(err, 1);
}
