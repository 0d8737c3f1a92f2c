import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { chinaBotFrameworkSettings, type BotFrameworkSettings } from './cloud.js';
import { ConfigReader, type Env } from './configReader.js';
import { readTelemetry, type TelemetryConfig } from './telemetry/telemetryConfig.js';
import {
  readBlob,
  readClu,
  readGraph,
  readPartnerCenter,
  type BlobConfig,
  type CluConfig,
  type Cloud,
  type GraphConfig,
  type PartnerCenterConfig,
} from './integrationConfig.js';

export type { Cloud } from './integrationConfig.js';
export type { Env } from './configReader.js';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface BotAuthConfig {
  readonly appId: string;
  readonly appType: AppType;
  readonly password?: string;
  readonly tenantId?: string;
}

/** How a handoff reaches people: the reseller's desk conversation, an agent hub's handoff event, or both. */
export type HandoffMode = 'desk' | 'hub' | 'both';

/** The reseller's agent desk (bot/desk). */
export interface DeskConfig {
  readonly mode: HandoffMode;
  /** `/desk <token>` makes an Emulator or local Web Chat conversation the desk; absent: only Teams can register one. */
  readonly token?: string;
  /** Entra object ids (lowercase) allowed to register and act in a Teams desk; absent: every user of the reseller's tenant. */
  readonly agents?: readonly string[];
  /** The reseller's own Teams tenant: only its users may register a Teams channel as the desk. */
  readonly resellerTenantId?: string;
  /** A handoff nobody took within this many minutes of support hours is queued and the desk reminded. */
  readonly takeMinutes: number;
}

export interface BotConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly knowledgeDir: string;
  /** Re-index articles when they change (npm run dev). */
  readonly watchKnowledge: boolean;
  readonly logLevel: LogLevel;
  readonly cloud: Cloud;
  /** Budget for one turn; channels give up after 15 s. */
  readonly turnTimeoutMs: number;
  /** Absent when MicrosoftAppId is empty: the Emulator case, with authentication off. */
  readonly auth?: BotAuthConfig;
  /** The keys ConfigurationBotFrameworkAuthentication reads; set together or not at all. */
  readonly botFramework: BotFrameworkSettings;
  readonly clu?: CluConfig;
  readonly graph?: GraphConfig;
  readonly partnerCenter?: PartnerCenterConfig;
  /** Where state, tickets, the directory, feedback and the outbox live: DATA_DIR files, or Azure Blob Storage. */
  readonly storage: 'file' | 'blob';
  readonly blob?: BlobConfig;
  /** Teams tenants allowed to use the bot (lowercase GUIDs); absent means every tenant. */
  readonly allowedTenants?: readonly string[];
  /** GET / and the local Direct Line subset: on by default only without an app id (LOCAL_WEBCHAT=on forces it). */
  readonly localWebChat: boolean;
  /** Redacted transcripts under DATA_DIR (TRANSCRIPTS=on). */
  readonly transcripts: boolean;
  /** Old transcripts, feedback text, closed tickets' personal fields and idle user state are deleted after this many days. */
  readonly retentionDays: number;
  /** Conversation state (dialog stack, recent messages) of a conversation idle this long is deleted. */
  readonly stateTtlDays: number;
  /** Limits on tickets from visitors the bot could not identify. */
  readonly anonymousTickets: { readonly openPerVisitor: number; readonly perHour: number };
  /**
   * ALLOW_UNAUTHENTICATED_NETWORK=yes: the operator accepts that unauthenticated turns (no app id, or the
   * local Web Chat beside one) are reachable from other machines. Otherwise such a set-up is refused,
   * and without an app id only requests addressed to localhost are served (no DNS rebinding).
   */
  readonly allowUnauthenticatedNetwork: boolean;
  readonly desk: DeskConfig;
  /** Traces, request metrics and the bot's own events to Application Insights; absent when not configured. */
  readonly telemetry?: TelemetryConfig;
}

/** Thrown at start-up with every problem at once, so one restart fixes them all. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function readAuth(r: ConfigReader): BotAuthConfig | undefined {
  const appId = r.get('MicrosoftAppId');
  const appType = r.oneOf<AppType>('MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant');
  const password = r.get('MicrosoftAppPassword');
  const tenantId = r.get('MicrosoftAppTenantId');
  if (appId === undefined) {
    if (password !== undefined) r.problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty');
    return undefined;
  }
  if (!r.isGuid(appId)) r.problems.push(`MicrosoftAppId must be a GUID (got "${appId}")`);
  if (tenantId !== undefined && !r.isGuid(tenantId)) r.problems.push('MicrosoftAppTenantId must be a GUID');
  if (appType !== 'UserAssignedMSI' && password === undefined) {
    r.problems.push(`MicrosoftAppPassword is required for MicrosoftAppType=${appType}`);
  }
  if (appType === 'UserAssignedMSI' && password !== undefined) {
    r.problems.push('MicrosoftAppPassword must be empty for MicrosoftAppType=UserAssignedMSI (the managed identity has no secret)');
  }
  if (appType !== 'MultiTenant' && tenantId === undefined) {
    r.problems.push(`MicrosoftAppTenantId is required for MicrosoftAppType=${appType}`);
  }
  return { appId, appType, ...(password && { password }), ...(tenantId && { tenantId }) };
}

/** Pure: builds the config from an environment map, or throws one ConfigError naming every bad key. */
export function loadConfig(env: Env, cwd = process.cwd()): BotConfig {
  const r = new ConfigReader(env);
  const auth = readAuth(r);
  const cloud = r.oneOf<Cloud>('CLOUD', ['public', 'china'], 'public');
  const storage = r.oneOf('STORAGE', ['file', 'blob'] as const, 'file');
  const config: BotConfig = {
    port: r.int('PORT', 3978, 0, 65_535),
    // With no app id nothing authenticates callers, so only this machine may reach the bot.
    host: r.get('HOST') ?? (auth ? '0.0.0.0' : '127.0.0.1'),
    dataDir: resolve(cwd, r.get('DATA_DIR') ?? 'data'),
    knowledgeDir: resolve(cwd, r.get('KNOWLEDGE_DIR') ?? 'knowledge'),
    watchKnowledge: r.oneOf('KNOWLEDGE_WATCH', ['on', 'off'], 'off') === 'on',
    logLevel: r.oneOf<LogLevel>('LOG_LEVEL', ['debug', 'info', 'warn', 'error'], 'info'),
    cloud,
    turnTimeoutMs: r.int('TURN_TIMEOUT_MS', 14_000, 1_000, 60_000),
    ...(auth && { auth }),
    botFramework: cloud === 'china' ? chinaBotFrameworkSettings(auth) : {},
    ...optional('clu', readClu(r)),
    ...optional('graph', readGraph(r, cloud)),
    ...optional('partnerCenter', readPartnerCenter(r, cloud)),
    storage,
    ...optional('blob', readBlob(r, storage, cloud)),
    ...optional('allowedTenants', r.guidList('ALLOWED_TENANTS')),
    localWebChat: r.oneOf('LOCAL_WEBCHAT', ['on', 'off'], auth ? 'off' : 'on') === 'on',
    transcripts: r.oneOf('TRANSCRIPTS', ['on', 'off'], 'off') === 'on',
    retentionDays: r.int('RETENTION_DAYS', 90, 1, 3650),
    stateTtlDays: r.int('STATE_TTL_DAYS', 30, 1, 3650),
    anonymousTickets: {
      openPerVisitor: r.int('ANONYMOUS_OPEN_TICKETS', 3, 1, 100),
      perHour: r.int('ANONYMOUS_TICKETS_PER_HOUR', 30, 1, 10_000),
    },
    allowUnauthenticatedNetwork: r.oneOf('ALLOW_UNAUTHENTICATED_NETWORK', ['yes', 'no'], 'no') === 'yes',
    desk: readDesk(r),
    ...optional('telemetry', readTelemetry(r)),
  };
  checkExposure(r, config);
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return Object.freeze(config);
}

/** A desk token shorter than this could be guessed by anyone who can open a chat. */
export const MIN_DESK_TOKEN_CHARS = 16;

function readDesk(r: ConfigReader): DeskConfig {
  const mode = r.oneOf<HandoffMode>('HANDOFF_MODE', ['desk', 'hub', 'both'], 'desk');
  const token = r.get('DESK_TOKEN');
  if (token !== undefined && token.length < MIN_DESK_TOKEN_CHARS) {
    r.problems.push(`DESK_TOKEN must be at least ${MIN_DESK_TOKEN_CHARS} characters (got ${token.length})`);
  }
  const agents = r.guidList('DESK_AGENTS', 'Entra object ids (GUIDs)');
  const resellerTenantId = r.guid('RESELLER_TENANT_ID')?.toLowerCase();
  if (agents && !resellerTenantId) r.problems.push('DESK_AGENTS needs RESELLER_TENANT_ID (the tenant those agents sign in to)');
  return {
    mode,
    ...(token !== undefined && token.length >= MIN_DESK_TOKEN_CHARS && { token }),
    ...(agents && { agents }),
    ...(resellerTenantId && { resellerTenantId }),
    takeMinutes: r.int('DESK_TAKE_MINUTES', 5, 1, 1440),
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** Unauthenticated turns stay on this machine unless the operator says otherwise. */
function checkExposure(r: ConfigReader, config: BotConfig): void {
  if (config.allowUnauthenticatedNetwork) return;
  if (!config.auth && !LOOPBACK_HOSTS.has(config.host)) {
    r.problems.push(
      `HOST=${config.host} without MicrosoftAppId would let any machine run turns unauthenticated; ` +
        'set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_NETWORK=yes if you really mean it',
    );
  }
  if (config.auth && config.localWebChat && !LOOPBACK_HOSTS.has(config.host)) {
    r.problems.push(
      `LOCAL_WEBCHAT=on with MicrosoftAppId serves unauthenticated Direct Line turns on ${config.host}; ` +
        'leave it off, use HOST=127.0.0.1, or set ALLOW_UNAUTHENTICATED_NETWORK=yes if you really mean it',
    );
  }
}

/** True when the bot runs turns for callers it cannot authenticate and may be reached from other machines. */
export function exposesUnauthenticatedTurns(config: BotConfig): boolean {
  return config.allowUnauthenticatedNetwork && !LOOPBACK_HOSTS.has(config.host) && (!config.auth || config.localWebChat);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The process environment, over a `.env` file in the working directory when there is one. */
export function readEnvironment(cwd = process.cwd()): Env {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}
