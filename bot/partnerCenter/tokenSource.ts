import type { PartnerCenterConfig } from '../integrationConfig.js';
import { PartnerCenterError } from './errors.js';

interface TokenResponse {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
  readonly refresh_token?: unknown;
}

/**
 * App+User access tokens for Partner Center: the partner user's refresh token is redeemed at the
 * Microsoft Entra token endpoint (refresh_token grant) and the access token reused until shortly before
 * it expires. A rotated refresh token is kept in memory only; the configured one stays the fallback.
 */
export class RefreshTokenSource {
  private cached?: { token: string; until: number };
  private refreshToken: string;
  private pending?: Promise<string>;

  constructor(
    private readonly config: Pick<
      PartnerCenterConfig,
      'authorityHost' | 'tenantId' | 'clientId' | 'clientSecret' | 'refreshToken' | 'scope' | 'timeoutMs'
    >,
    private readonly now: () => number = Date.now,
  ) {
    this.refreshToken = config.refreshToken;
  }

  /** `signal` stops the wait, not a redemption other callers share. */
  async token(signal?: AbortSignal): Promise<string> {
    if (this.cached && this.cached.until > this.now()) return this.cached.token;
    const pending = (this.pending ??= this.redeem().finally(() => (this.pending = undefined)));
    if (!signal) return pending;
    signal.throwIfAborted();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', (onAbort = () => reject(signal.reason)), { once: true }),
    );
    try {
      return await Promise.race([pending, aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort!);
    }
  }

  /** After a 401 from the API: the next call fetches a new token. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async redeem(): Promise<string> {
    const url = `${this.config.authorityHost}/${encodeURIComponent(this.config.tenantId)}/oauth2/v2.0/token`;
    const body = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: this.config.clientId,
      client_secret: this.config.clientSecret,
      refresh_token: this.refreshToken,
      scope: this.config.scope,
    });
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (err) {
      throw new PartnerCenterError('token endpoint unreachable', 'transient', undefined, undefined, { cause: err });
    }
    if (!res.ok) {
      await res.body?.cancel();
      // 400/401: the refresh token expired or consent was withdrawn; only the operator can fix that.
      const failure = res.status === 429 || res.status >= 500 ? 'transient' : 'auth';
      throw new PartnerCenterError(`token endpoint answered ${res.status}`, failure, res.status);
    }
    const json = (await res.json().catch(() => ({}))) as TokenResponse;
    if (typeof json.access_token !== 'string') throw new PartnerCenterError('token response without access_token', 'auth', res.status);
    const seconds = Number(json.expires_in);
    const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 3_600_000;
    this.cached = { token: json.access_token, until: this.now() + Math.max(lifetime - 300_000, lifetime / 2) };
    if (typeof json.refresh_token === 'string' && json.refresh_token !== '') this.refreshToken = json.refresh_token;
    return json.access_token;
  }
}
