// npm run --silent tickets -- list --json | show ID | update ID --status S --note "..." | escalate ID
// Reads work on the files at any time. Changes need the single writer: with no bot running this
// process takes DATA_DIR's lock; with the bot running they go through its admin endpoint (ADMIN_TOKEN).
import { join } from 'node:path';
import { loadConfig, readEnvironment } from '../bot/config.js';
import { lockDataDir } from '../bot/storage/dataDirLock.js';
import { DataDirLockedError } from '../bot/storage/errors.js';
import { FileTicketStore } from '../bot/tickets/fileTicketStore.js';
import { escalateTicket, parseTicketArgs } from '../bot/tickets/ticketConsole.js';
import { openTickets } from '../bot/storage/openStorage.js';
import type { Ticket } from '../bot/tickets/types.js';

const config = loadConfig(readEnvironment());
const file = join(config.dataDir, 'tickets.json');
const print = (value: unknown) => process.stdout.write(JSON.stringify(value, null, 2) + '\n');
const line = (t: Ticket) => `${t.id}  ${t.kind.padEnd(8)}  ${t.status.padEnd(19)}  ${t.customer ?? '-'}  ${t.title}`;

try {
  const cmd = parseTicketArgs(process.argv.slice(2));
  const { tickets: shared } = config.storage === 'blob' ? await openTickets(config) : { tickets: undefined };
  if (shared && cmd.action !== 'list' && cmd.action !== 'show') {
    // STORAGE=blob: every instance and this console coordinate through eTags, so change the store directly.
    print(cmd.action === 'escalate' ? await escalateTicket(shared, cmd.id!, cmd.note) : await shared.update(cmd.id!, { by: 'reseller', ...(cmd.status && { status: cmd.status }), ...(cmd.note && { note: cmd.note }) }));
  } else if (cmd.action === 'list' || cmd.action === 'show') {
    const store = shared ?? (await FileTicketStore.open(file));
    if (cmd.action === 'list') {
      const tickets = await store.list();
      if (cmd.json) print(tickets);
      else for (const t of tickets) console.log(line(t));
    } else {
      const t = await store.get(cmd.id!);
      if (!t) throw new RangeError(`No ticket ${cmd.id}`);
      print(t);
    }
  } else {
    let unlock: (() => Promise<void>) | undefined;
    try {
      unlock = await lockDataDir(config.dataDir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      if (!config.adminToken) throw new Error('The bot is running on this DATA_DIR. Set ADMIN_TOKEN (the same value for the bot and this console) so changes go through the bot.');
      const res = await fetch(`http://127.0.0.1:${config.port}/admin/tickets/${encodeURIComponent(cmd.id!)}/${cmd.action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.adminToken}` },
        body: JSON.stringify({ status: cmd.status, note: cmd.note }),
      });
      const body = (await res.json()) as unknown;
      if (!res.ok) throw new Error(`The bot refused the change (${res.status}): ${JSON.stringify(body)}`);
      print(body);
    }
    if (unlock) {
      try {
        const store = await FileTicketStore.open(file);
        print(cmd.action === 'escalate' ? await escalateTicket(store, cmd.id!, cmd.note) : await store.update(cmd.id!, { by: 'reseller', ...(cmd.status && { status: cmd.status }), ...(cmd.note && { note: cmd.note }) }));
      } finally {
        await unlock();
      }
    }
  }
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
