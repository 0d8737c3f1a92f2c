import type { GraphConfig } from '../integrationConfig.js';

/** Graph or its token endpoint failed: timeout, network, HTTP status or an unexpected body. */
export class GraphError extends Error {
  override readonly name = 'GraphError';
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Renew this long before the token expires, so a request never carries one that dies on the way. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

interface TokenResponse {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
}

interface Page<T> {
  readonly value?: readonly T[];
  readonly '@odata.nextLink'?: unknown;
}

/**
 * Microsoft Graph with client credentials over Node's fetch: the token is cached until shortly before it
 * expires, a 401 gets one fresh token and one retry, and paged collections follow @odata.nextLink (only
 * on Graph's own origin, so the bearer token never goes anywhere else).
 */
export class GraphClient {
  private token?: { readonly value: string; readonly renewAt: number };
  private pendingToken?: Promise<string>;
  private readonly origin: string;

  constructor(
    private readonly config: GraphConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.origin = new URL(config.endpoint).origin;
  }

  /**
   * Every item of a v1.0 collection, e.g. `/admin/serviceAnnouncement/issues`. The timeout covers the whole
   * call (token, retry and every page), so a slow Graph cannot eat the channel's 15 s turn budget.
   */
  async getAll<T>(path: string): Promise<T[]> {
    const signal = AbortSignal.timeout(this.config.timeoutMs);
    const items: T[] = [];
    let url: string | undefined = `${this.config.endpoint}/v1.0${path}`;
    for (let pages = 0; url; pages++) {
      if (pages >= 50) throw new GraphError(`more than 50 pages at ${path}`);
      const page = (await this.get(url, signal)) as Page<T>;
      if (!Array.isArray(page.value)) throw new GraphError(`no value array at ${path}`);
      items.push(...page.value);
      const next = page['@odata.nextLink'];
      if (next !== undefined && (typeof next !== 'string' || new URL(next).origin !== this.origin)) {
        throw new GraphError('@odata.nextLink points outside the Graph endpoint');
      }
      url = next;
    }
    return items;
  }

  private async get(url: string, signal: AbortSignal): Promise<unknown> {
    let res = await this.send(url, await this.accessToken(signal), signal);
    if (res.status === 401) {
      // Revoked or rotated: one new token, one retry.
      await res.body?.cancel();
      this.token = undefined;
      res = await this.send(url, await this.accessToken(signal), signal);
    }
    return this.json(res, 'Graph');
  }

  private async send(url: string, token: string, signal: AbortSignal): Promise<Response> {
    try {
      return await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, signal });
    } catch (err) {
      throw new GraphError(`Graph request failed: ${(err as Error).name}`, undefined, { cause: err });
    }
  }

  private async json(res: Response, what: string): Promise<unknown> {
    if (!res.ok) {
      await res.body?.cancel();
      throw new GraphError(`${what} answered ${res.status}`, res.status);
    }
    try {
      return await res.json();
    } catch (err) {
      throw new GraphError(`${what} sent an unreadable body`, res.status, { cause: err });
    }
  }

  private accessToken(signal: AbortSignal): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return Promise.resolve(this.token.value);
    // Concurrent requests share one token request.
    this.pendingToken ??= this.fetchToken(signal).finally(() => (this.pendingToken = undefined));
    return this.pendingToken;
  }

  private async fetchToken(signal: AbortSignal): Promise<string> {
    const { authorityHost, tenantId, clientId, clientSecret, endpoint } = this.config;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
      scope: `${endpoint}/.default`,
    });
    let res: Response;
    try {
      res = await fetch(`${authorityHost}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, { method: 'POST', body, signal });
    } catch (err) {
      throw new GraphError(`token request failed: ${(err as Error).name}`, undefined, { cause: err });
    }
    const token = (await this.json(res, 'token endpoint')) as TokenResponse;
    const expiresIn = Number(token.expires_in);
    if (typeof token.access_token !== 'string' || !Number.isFinite(expiresIn)) throw new GraphError('token endpoint sent no access_token');
    const lifetime = expiresIn * 1000;
    this.token = { value: token.access_token, renewAt: this.now() + Math.max(lifetime - EXPIRY_MARGIN_MS, lifetime / 2) };
    return token.access_token;
  }
}
