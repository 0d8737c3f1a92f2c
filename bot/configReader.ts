/** The environment as a plain map; only bot/config.ts fills it from process.env and `.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads typed values from an Env and collects every problem, so start-up can report them all at once. */
export class ConfigReader {
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
      if (u.protocol === 'http:' || u.protocol === 'https:') return value.replace(/\/+$/, '');
    } catch {
      // reported below
    }
    this.problems.push(`${key} must be an http(s) URL (got "${value}")`);
    return undefined;
  }

  guid(key: string): string | undefined {
    const value = this.get(key);
    if (value !== undefined && !GUID.test(value)) this.problems.push(`${key} must be a GUID (got "${value}")`);
    return value;
  }

  /** A comma-separated list of GUIDs ("a, b" and "a,b" both work; an empty item is malformed). */
  guidList(key: string, what = 'tenant GUIDs'): string[] | undefined {
    const value = this.get(key);
    if (value === undefined) return undefined;
    const items = value.split(',').map((s) => s.trim());
    const bad = items.filter((s) => !GUID.test(s));
    if (bad.length > 0) this.problems.push(`${key} must list ${what} separated by commas (bad: ${bad.map((b) => `"${b}"`).join(', ')})`);
    return items.map((s) => s.toLowerCase());
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

  isGuid(value: string): boolean {
    return GUID.test(value);
  }
}
