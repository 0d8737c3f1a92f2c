import { join } from 'node:path';
import { isSeverity, type Severity } from '../escalation/serviceRequest.js';
import { readAdminEndpoint } from '../http/adminEndpoint.js';
import { lockDataDir } from '../storage/dataDirLock.js';
import { DataDirLockedError } from '../storage/errors.js';
import { FileTicketStore } from './fileTicketStore.js';
import { isTicketStatus, TICKET_STATUSES } from './lifecycle.js';
import { openOfflineDesk, TICKETS_FILE } from './offlineDesk.js';
import type { TicketDesk } from './ticketDesk.js';
import { printable } from '../text/printable.js';
import type { Ticket, TicketStatus, TicketStore } from './types.js';

export const USAGE = [
  'usage: npm run --silent tickets -- <command>',
  '  list [--json]                                   every ticket (JSON: [{"id","kind","status","customer","title","createdAt",...}])',
  '  show ID                                         one ticket with its history and Partner Center outbox state',
  `  update ID [--status S] [--note "..."]           S: ${TICKET_STATUSES.join(', ')}; the customer is notified of a status change`,
  '  escalate ID [--severity A|B|C] [--note "..."]   hand a reseller ticket to 21Vianet (default severity B)',
].join('\n');

export interface TicketCommand {
  readonly action: 'list' | 'show' | 'update' | 'escalate';
  readonly id?: string;
  readonly status?: TicketStatus;
  readonly note?: string;
  readonly severity?: Severity;
  readonly json: boolean;
}

const VALUED = new Set(['--status', '--note', '--severity']);

/** Parses the console's arguments; a RangeError carries the message for the user. */
export function parseTicketArgs(args: readonly string[]): TicketCommand {
  const [action, ...rest] = args;
  if (action !== 'list' && action !== 'show' && action !== 'update' && action !== 'escalate') throw new RangeError(USAGE);
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (VALUED.has(a)) {
      const value = rest[++i];
      if (value === undefined) throw new RangeError(`${a} needs a value`);
      flags[a.slice(2)] = value;
    } else if (a.startsWith('--')) throw new RangeError(`Unknown option ${a}\n${USAGE}`);
    else positional.push(a);
  }
  const id = positional[0];
  if (action !== 'list' && !id) throw new RangeError(`tickets ${action} needs a ticket id, e.g. T-1024`);
  if (positional.length > 1) throw new RangeError(`Unexpected ${positional.slice(1).join(' ')} (quote a note with spaces: --note "...")`);
  const { status, note, severity } = flags;
  if (status !== undefined && !isTicketStatus(status)) throw new RangeError(`Unknown status "${status}"; use ${TICKET_STATUSES.join(', ')}`);
  if (severity !== undefined && !isSeverity(severity.toUpperCase())) throw new RangeError('--severity must be A, B or C');
  if (action === 'update' && status === undefined && !note) throw new RangeError('tickets update needs --status and/or --note');
  return {
    action, json, ...(id && { id }), ...(status !== undefined && isTicketStatus(status) && { status }), ...(note && { note }),
    ...(severity !== undefined && { severity: severity.toUpperCase() as Severity }),
  };
}

export interface ConsoleSettings {
  readonly dataDir: string;
  /** The port the bot was configured with; the running bot's own record in DATA_DIR wins. */
  readonly port: number;
  readonly adminToken?: string;
  readonly partnerCenterConfigured: boolean;
  /** STORAGE=blob: the stores every bot instance shares; eTags keep the console's changes safe without a lock. */
  readonly shared?: { readonly tickets: TicketStore; readonly desk: TicketDesk };
}

const line = (t: Ticket) => `${t.id}  ${t.kind.padEnd(8)}  ${t.status.padEnd(19)}  ${printable(t.customer ?? '-').padEnd(12)}  ${t.createdAt}  ${printable(t.title)}`;
const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/**
 * Runs one console command and returns what to print. Reads use the files at any time. Changes need the
 * single writer: with no bot running the console takes DATA_DIR's lock and works on the files; while
 * the bot runs they go through its loopback admin endpoint with ADMIN_TOKEN.
 */
export async function runTicketCommand(cmd: TicketCommand, s: ConsoleSettings): Promise<string> {
  if (cmd.action === 'list') {
    const tickets = await (s.shared?.tickets ?? (await FileTicketStore.open(join(s.dataDir, TICKETS_FILE)))).list();
    return cmd.json ? pretty(tickets) : tickets.map(line).join('\n');
  }
  if (s.shared) return pretty(await onDesk(cmd, s.shared.desk));
  let unlock: (() => Promise<void>) | undefined;
  try {
    unlock = await lockDataDir(s.dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    return pretty(await throughBot(cmd, s));
  }
  try {
    const { desk, close } = await openOfflineDesk(s.dataDir, s.partnerCenterConfigured);
    try {
      return pretty(await onDesk(cmd, desk));
    } finally {
      await close();
    }
  } finally {
    await unlock();
  }
}

/** show, update and escalate on a desk. */
async function onDesk(cmd: TicketCommand, desk: TicketDesk): Promise<unknown> {
  const id = cmd.id!;
  if (cmd.action === 'show') return desk.show(id);
  if (cmd.action === 'update') return desk.update(id, { ...(cmd.status && { status: cmd.status }), ...(cmd.note && { note: cmd.note }) });
  return desk.escalate(id, { ...(cmd.note && { note: cmd.note }), ...(cmd.severity && { severity: cmd.severity }) });
}

async function throughBot(cmd: TicketCommand, s: ConsoleSettings): Promise<unknown> {
  if (!s.adminToken) {
    if (cmd.action === 'show') {
      const ticket = await (await FileTicketStore.open(join(s.dataDir, TICKETS_FILE))).get(cmd.id!);
      if (!ticket) throw new RangeError(`No ticket ${cmd.id}`);
      return { ticket };
    }
    throw new Error('The bot is running on this DATA_DIR. Set ADMIN_TOKEN (the same value for the bot and this console) so changes go through the bot.');
  }
  const port = (await readAdminEndpoint(s.dataDir))?.port ?? s.port;
  const base = `http://127.0.0.1:${port}/admin/tickets/${encodeURIComponent(cmd.id!)}`;
  const headers = { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json' };
  const body = JSON.stringify({ ...(cmd.status && { status: cmd.status }), ...(cmd.note && { note: cmd.note }), ...(cmd.severity && { severity: cmd.severity }) });
  let res: Response;
  try {
    res = cmd.action === 'show' ? await fetch(base, { headers }) : await fetch(`${base}/${cmd.action}`, { method: 'POST', headers, body });
  } catch (err) {
    throw new Error(`The bot holds DATA_DIR but its admin endpoint on 127.0.0.1:${port} did not answer`, { cause: err });
  }
  const answer = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new Error(res.status === 401 ? 'The bot refused the ADMIN_TOKEN (it must be the same value for the bot and this console)' : (answer.error ?? `The bot answered ${res.status}`));
  return answer;
}
