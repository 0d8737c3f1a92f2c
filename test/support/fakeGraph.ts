import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestBody } from './requestBody.js';

export type GraphFault = '401' | '500' | 'hang';

export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly form?: Record<string, string>;
}

const COLLECTIONS = {
  '/v1.0/admin/serviceAnnouncement/healthOverviews': 'healthOverviews',
  '/v1.0/admin/serviceAnnouncement/issues': 'issues',
} as const;

/**
 * Microsoft Entra's token endpoint and Graph's service communications API on 127.0.0.1, in their wire
 * format: client-credential tokens, bearer checks, 401 with a Graph error body, and collections paged
 * with absolute @odata.nextLink URLs. Faults are queued per request and used up one by one.
 */
export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  healthOverviews: Array<Record<string, unknown>> = [];
  issues: Array<Record<string, unknown>> = [];
  pageSize = 100;
  tokenLifetimeSeconds = 3599;
  /** The token endpoint accepts requests and never answers. */
  hangTokens = false;
  /** Where nextLink points; defaults to this server. */
  nextLinkBase?: string;
  private readonly faults: GraphFault[] = [];
  private readonly valid = new Set<string>();
  private tokens = 0;
  private server?: Server;
  private readonly hanging: ServerResponse[] = [];
  url = '';

  constructor(
    readonly tenantId: string,
    readonly clientId = 'app-id',
    readonly clientSecret = 'app-secret',
  ) {}

  /** The next Graph (not token) requests fail this way, in order. */
  fail(...faults: GraphFault[]): void {
    this.faults.push(...faults);
  }

  /** Every token issued so far stops working, as after a secret rotation. */
  revokeTokens(): void {
    this.valid.clear();
  }

  get tokenRequests(): number {
    return this.requests.filter((r) => r.method === 'POST').length;
  }

  get graphRequests(): GraphRequest[] {
    return this.requests.filter((r) => r.method === 'GET');
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await requestBody(req);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method === 'POST' && url.pathname === `/${this.tenantId}/oauth2/v2.0/token`) {
      const form = Object.fromEntries(new URLSearchParams(body));
      this.requests.push({ method: 'POST', path: url.pathname, form });
      if (this.hangTokens) {
        this.hanging.push(res);
        return;
      }
      if (form.grant_type !== 'client_credentials' || form.client_id !== this.clientId || form.client_secret !== this.clientSecret) {
        send(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
        return;
      }
      const token = `token-${++this.tokens}`;
      this.valid.add(token);
      send(200, {
        token_type: 'Bearer',
        expires_in: this.tokenLifetimeSeconds,
        ext_expires_in: this.tokenLifetimeSeconds,
        access_token: token,
      });
      return;
    }
    this.requests.push({
      method: req.method ?? '',
      path: `${url.pathname}${url.search}`,
      ...(req.headers.authorization && { authorization: req.headers.authorization }),
    });
    const collection = COLLECTIONS[url.pathname as keyof typeof COLLECTIONS];
    if (req.method !== 'GET' || !collection) {
      send(404, { error: { code: 'ResourceNotFound', message: 'not here' } });
      return;
    }
    const fault = this.faults.shift();
    if (fault === 'hang') {
      this.hanging.push(res);
      return;
    }
    if (fault === '500') {
      send(500, { error: { code: 'InternalServerError', message: 'Something went wrong.' } });
      return;
    }
    if (fault === '401') this.valid.clear();
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.valid.has(token)) {
      send(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } });
      return;
    }
    const all = this[collection];
    const skip = Number(url.searchParams.get('$skiptoken') ?? '0');
    const page = all.slice(skip, skip + this.pageSize);
    const more = skip + this.pageSize < all.length;
    send(200, {
      '@odata.context': `${this.url}/v1.0/$metadata#admin/serviceAnnouncement/${collection}`,
      value: page,
      ...(more && { '@odata.nextLink': `${this.nextLinkBase ?? this.url}${url.pathname}?$skiptoken=${skip + this.pageSize}` }),
    });
  }
}

/** A serviceHealthIssue as Graph sends it (PascalCase enum values, as in Graph's own examples). */
export function graphIssue(id: string, service: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    startDateTime: '2026-11-23T06:30:00Z',
    endDateTime: null,
    lastModifiedDateTime: '2026-11-23T07:45:00Z',
    title: `Issue ${id}`,
    id,
    impactDescription: `Users may be affected by ${id}.`,
    classification: 'Incident',
    origin: 'Microsoft',
    status: 'ServiceDegradation',
    service,
    feature: 'Feature',
    featureGroup: 'Feature group',
    isResolved: false,
    details: [],
    posts: [],
    ...fields,
  };
}
