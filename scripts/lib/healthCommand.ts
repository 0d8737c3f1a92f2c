import { chinaTime } from '../../bot/health/chinaTime.js';
import type { HealthNotices, StoredIncident } from '../../bot/health/healthNotices.js';
import { ACTIVE_STATUSES, HEALTH_STATUSES, type HealthStatus } from '../../bot/health/types.js';
import { SERVICE_NAMES, SERVICE_SYNONYMS } from '../../bot/nlu/serviceNames.js';

export const HEALTH_USAGE = `Usage: npm run health -- <command>

  set <service> <status> <title> [--impact <text>] [--advisory] [--start <ISO time>]
      Opens an incident (or advisory) for a service, or updates the one already open.
      e.g. npm run health -- set exchange serviceDegradation "邮件延迟" --impact "Some users see delays"
  clear <service> | <incident id> | --all
      Ends the open incidents of a service, one incident, or all of them.
  list [--all] [--json]
      Shows open incidents (--all: also those ended in the last 30 days).

Services: ${Object.keys(SERVICE_NAMES).join(', ')}
Statuses for set: ${ACTIVE_STATUSES.join(', ')}`;

/** Bad arguments: exit code 2 with a precise message and the usage text. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface HealthIo {
  out(text: string): void;
  now(): Date;
}

const MAX_TITLE = 200;
const MAX_IMPACT = 1000;

/** A service id, or a name customers use for it ("Exchange Online", "邮箱"). */
function serviceArg(value: string | undefined): string {
  if (!value) throw new UsageError('missing <service>');
  const v = value.normalize('NFKC').trim().toLowerCase();
  if (SERVICE_NAMES[v]) return v;
  const byName =
    SERVICE_SYNONYMS.find(([syn]) => syn === v)?.[1] ?? Object.entries(SERVICE_NAMES).find(([, s]) => s.en.toLowerCase() === v)?.[0];
  if (byName) return byName;
  throw new UsageError(`unknown service "${value}"; use one of: ${Object.keys(SERVICE_NAMES).join(', ')}`);
}

function statusArg(value: string | undefined): HealthStatus {
  if (!value) throw new UsageError('missing <status>');
  const match = HEALTH_STATUSES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (match && (ACTIVE_STATUSES as readonly string[]).includes(match)) return match;
  if (match) throw new UsageError(`"${match}" is not an ongoing status; to end an incident use: npm run health -- clear <service>`);
  throw new UsageError(`unknown status "${value}"; use one of: ${ACTIVE_STATUSES.join(', ')}`);
}

function textArg(name: string, value: string | undefined, max: number, required: boolean): string {
  const t = (value ?? '').trim();
  if (required && t === '') throw new UsageError(`missing <${name}>`);
  // Control characters would garble the table and the bot's messages; newlines are kept out too.
  if (/[\u0000-\u001f\u007f]/.test(t)) throw new UsageError(`<${name}> must be a single line without control characters`);
  if (t.length > max) throw new UsageError(`<${name}> is ${t.length} characters; at most ${max}`);
  return t;
}

/** Positional arguments and --flags (a flag in `valued` takes the next argument). */
function parse(args: readonly string[], valued: readonly string[], flags: readonly string[]) {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) positional.push(a);
    else if (valued.includes(a)) {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      options.set(a, v);
    } else if (flags.includes(a)) options.set(a, true);
    else throw new UsageError(`unknown option ${a}`);
  }
  return { positional, options };
}

function describe(i: StoredIncident): string {
  const end = i.endTime ? `, ended ${chinaTime(i.endTime)}` : '';
  return (
    `${i.id}  ${i.service}  ${i.classification}  ${i.status}  ` +
    `started ${chinaTime(i.startTime)}, updated ${chinaTime(i.lastUpdate)}${end} (China time)  ${i.title}`
  );
}

/** Runs one `npm run health` command; returns the exit code (2 for bad arguments). */
export async function runHealthCommand(argv: readonly string[], file: HealthNotices, io: HealthIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'set':
      return set(file, rest, io);
    case 'clear':
      return clear(file, rest, io);
    case 'list':
      return list(file, rest, io);
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function set(file: HealthNotices, args: readonly string[], io: HealthIo): Promise<number> {
  const { positional, options } = parse(args, ['--impact', '--start'], ['--advisory']);
  if (positional.length > 3) throw new UsageError(`set takes 3 arguments, got ${positional.length} (put a title with spaces in quotes)`);
  const service = serviceArg(positional[0]);
  const status = statusArg(positional[1]);
  const title = textArg('title', positional[2], MAX_TITLE, true);
  const impact = textArg('impact', options.get('--impact') as string | undefined, MAX_IMPACT, false);
  const classification = options.has('--advisory') ? 'advisory' : 'incident';
  const now = io.now().toISOString();
  const startArg = options.get('--start') as string | undefined;
  if (startArg !== undefined && Number.isNaN(Date.parse(startArg)))
    throw new UsageError(`--start "${startArg}" is not an ISO time such as 2026-11-23T09:30:00+08:00`);
  const start = startArg === undefined ? now : new Date(startArg).toISOString();

  const { incident, created } = await file.update((data) => {
    const open = data.incidents.filter((i) => i.service === service && i.classification === classification && i.endTime === undefined);
    const current = open.sort((a, b) => b.startTime.localeCompare(a.startTime))[0];
    if (current) {
      const updated: StoredIncident = {
        ...current,
        status,
        title,
        impact: impact || current.impact,
        lastUpdate: now,
        ...(startArg !== undefined && { startTime: start }),
      };
      return {
        data: { ...data, incidents: data.incidents.map((i) => (i === current ? updated : i)) },
        result: { incident: updated, created: false },
      };
    }
    const fresh: StoredIncident = {
      id: `INC-${data.nextNumber}`,
      service,
      classification,
      status,
      title,
      impact,
      startTime: start,
      lastUpdate: now,
    };
    return { data: { nextNumber: data.nextNumber + 1, incidents: [...data.incidents, fresh] }, result: { incident: fresh, created: true } };
  }, io.now());
  io.out(`${created ? 'Opened' : 'Updated'} ${describe(incident)}`);
  return 0;
}

async function clear(file: HealthNotices, args: readonly string[], io: HealthIo): Promise<number> {
  const { positional, options } = parse(args, [], ['--all']);
  if (options.has('--all') ? positional.length > 0 : positional.length !== 1)
    throw new UsageError('clear takes one <service> or <incident id>, or --all');
  const target = positional[0];
  const byId = target !== undefined && /^INC-\d+$|^DEMO-\d+$/i.test(target);
  const service = options.has('--all') || byId ? undefined : serviceArg(target);
  const now = io.now().toISOString();
  const ended = await file.update((data) => {
    const hits = data.incidents.filter(
      (i) =>
        i.endTime === undefined && (options.has('--all') || (byId ? i.id.toLowerCase() === target!.toLowerCase() : i.service === service)),
    );
    const incidents = data.incidents.map((i) => (hits.includes(i) ? { ...i, endTime: now, lastUpdate: now } : i));
    return { data: { ...data, incidents }, result: hits.length };
  }, io.now());
  io.out(ended === 0 ? `Nothing open for ${target ?? 'any service'}.` : `Ended ${ended} incident${ended === 1 ? '' : 's'}.`);
  return 0;
}

async function list(file: HealthNotices, args: readonly string[], io: HealthIo): Promise<number> {
  const { positional, options } = parse(args, [], ['--all', '--json']);
  if (positional.length > 0) throw new UsageError(`list takes no arguments, got "${positional[0]}"`);
  const shown = (await file.read()).incidents.filter((i) => options.has('--all') || i.endTime === undefined);
  if (options.has('--json')) io.out(JSON.stringify(shown, null, 2));
  else io.out(shown.length === 0 ? 'No open incidents.' : shown.map(describe).join('\n'));
  return 0;
}
