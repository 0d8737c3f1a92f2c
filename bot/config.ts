import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { chinaBotFrameworkSettings, type BotFrameworkSettings } from './cloud.js';

export type Cloud = 'public' | 'china';
export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface BotAuthConfig {
  readonly appId: string;
  readonly appType: AppType;
  readonly password?: string;
  readonly tenantId?: string;
}

export interface CluConfig {
  readonly endpoint: string;
  readonly key: string;
  readonly project: string;
  readonly deployment: string;
  readonly timeoutMs: number;
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
  /** Lets the reseller's ticket console change tickets through the running bot (loopback only). */
  readonly adminToken?: string;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** Thrown at start-up with every problem at once, so one restart fixes them all. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** Trimmed-looking values only: a trailing comma or space is what a copied `.env` sample leaves behind. */
  get(key: string): string | undefined {
    const raw = this.env[key];
    if (raw === undefined || raw === '') return undefined;
    if (raw !== raw.trim()) this.problems.push(`${key} has leading or trailing whitespace`);
    else if (/[,;]$/.test(raw)) this.problems.push(`${key} ends with "${raw.at(-1)}" (left over from a copied sample?)`);
    else return raw;
    return undefined;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const value = this.get(key);
    if (value === undefined) return fallback;
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!match) this.problems.push(`${key} must be one of ${allowed.join(', ')} (got "${value}")`);
    return match ?? fallback;
  }

  int(key: string, fallback: number, min: number, max: number): number {
    const value = this.get(key);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(`${key} must be an integer from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return n;
  }

  url(key: string): string | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    try {
      const u = new URL(value);
      if (u.protocol === 'http:' || u.protocol === 'https:') return value;
    } catch {
      // reported below
    }
    this.problems.push(`${key} must be an http(s) URL (got "${value}")`);
    return undefined;
  }

  /** An optional integration: all keys or none, never a half-configured one. */
  group(keys: readonly string[]): Record<string, string> | undefined {
    const present = keys.filter((k) => this.env[k] !== undefined && this.env[k] !== '');
    if (present.length === 0) return undefined;
    const missing = keys.filter((k) => !present.includes(k));
    if (missing.length > 0) {
      this.problems.push(`${missing.join(', ')} must be set together with ${present.join(', ')}`);
      return undefined;
    }
    const values: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v === undefined) return undefined;
      values[k] = v;
    }
    return values;
  }
}

function readAuth(r: Reader): BotAuthConfig | undefined {
  const appId = r.get('MicrosoftAppId');
  const appType = r.oneOf<AppType>('MicrosoftAppType', ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], 'MultiTenant');
  const password = r.get('MicrosoftAppPassword');
  const tenantId = r.get('MicrosoftAppTenantId');
  if (appId === undefined) {
    if (password !== undefined) r.problems.push('MicrosoftAppPassword is set but MicrosoftAppId is empty');
    return undefined;
  }
  if (!GUID.test(appId)) r.problems.push(`MicrosoftAppId must be a GUID (got "${appId}")`);
  if (tenantId !== undefined && !GUID.test(tenantId)) r.problems.push('MicrosoftAppTenantId must be a GUID');
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

function readClu(r: Reader): CluConfig | undefined {
  const group = r.group(['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT', 'CLU_DEPLOYMENT']);
  const timeoutMs = r.int('CLU_TIMEOUT_MS', 1500, 100, 30_000);
  if (!group) return undefined;
  const endpoint = r.url('CLU_ENDPOINT');
  if (!endpoint) return undefined;
  return { endpoint, key: group.CLU_KEY!, project: group.CLU_PROJECT!, deployment: group.CLU_DEPLOYMENT!, timeoutMs };
}

/** Pure: builds the config from an environment map, or throws one ConfigError naming every bad key. */
export function loadConfig(env: Env, cwd = process.cwd()): BotConfig {
  const r = new Reader(env);
  const auth = readAuth(r);
  const cloud = r.oneOf<Cloud>('CLOUD', ['public', 'china'], 'public');
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
    ...optional('adminToken', readAdminToken(r)),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return Object.freeze(config);
}

function readAdminToken(r: Reader): string | undefined {
  const token = r.get('ADMIN_TOKEN');
  if (token !== undefined && token.length < 16) r.problems.push('ADMIN_TOKEN must be at least 16 characters');
  return token;
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
