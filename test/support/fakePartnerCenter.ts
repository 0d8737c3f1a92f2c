import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { PartnerCenterConfig } from '../../bot/integrationConfig.js';
import { requestBody } from './requestBody.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the next service-request POSTs get instead of a normal 201, in order. */
export type Fault = { status: number; retryAfter?: string } | 'hang';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/**
 * Partner Center and its token endpoint on 127.0.0.1, speaking their wire format: the refresh_token
 * grant at /{tenant}/oauth2/v2.0/token, GET /v1/servicerequests/supporttopics and
 * POST /v1/servicerequests/{agent-locale} (201 with the ServiceRequest). Like the real service it is
 * idempotent on MS-RequestId: a repeated id gets the request already created, not a second one.
 * A 'hang' fault creates the request but never answers, as when a response is lost to a timeout.
 */
export class FakePartnerCenter {
  readonly calls: RecordedCall[] = [];
  /** Service requests created, by MS-RequestId. */
  readonly created = new Map<string, { id: string; body: Record<string, unknown> }>();
  readonly faults: Fault[] = [];
  /** Refresh tokens it accepts; redeeming one adds a rotated one (older ones stay valid, as in Entra ID). */
  readonly refreshTokens = new Set(['rt-initial']);
  tokenFailure?: number;
  /** Access tokens answered with 401, as after a revocation. */
  readonly revoked = new Set<string>();
  /** How long a service-request POST takes to be answered, as a busy service does. */
  createDelayMs = 0;
  topics = [
    { id: '32444671', name: 'Exchange Online' },
    { id: '32444672', name: 'Microsoft Teams' },
    { id: '32444673', name: 'Azure' },
  ];
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  private issued = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  config(overrides: Partial<PartnerCenterConfig> = {}): PartnerCenterConfig {
    return {
      endpoint: this.url,
      authorityHost: this.url,
      tenantId: 'partner.partner.onmschina.cn',
      clientId: 'app-id',
      clientSecret: 'app-secret',
      refreshToken: 'rt-initial',
      scope: 'https://partner.partnercenterapi.microsoftonline.cn/.default',
      timeoutMs: 2000,
      ...overrides,
    };
  }

  /** Service-request POSTs so far. */
  get posts(): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.path.startsWith('/v1/servicerequests/'));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await requestBody(req);
    const path = req.url ?? '';
    this.calls.push({ method: req.method ?? '', path, headers: req.headers, body });
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) return this.token(res, new URLSearchParams(body));
    if (!/^Bearer at-\d+$/.test(req.headers.authorization ?? '') || this.revoked.has(req.headers.authorization!.slice(7)))
      return this.json(res, 401, { code: 401, description: 'token missing or invalid' });
    if (!GUID.test(String(req.headers['ms-requestid'])) || !GUID.test(String(req.headers['ms-correlationid'])))
      return this.json(res, 400, { code: 400, description: 'MS-RequestId and MS-CorrelationId must be GUIDs' });
    if (req.method === 'GET' && path === '/v1/servicerequests/supporttopics')
      return this.json(res, 200, { totalCount: this.topics.length, items: this.topics, attributes: { objectType: 'Collection' } });
    const create = /^\/v1\/servicerequests\/(en-US|zh-CN)$/.exec(path);
    if (req.method === 'POST' && create) {
      if (this.createDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.createDelayMs));
      return this.createRequest(req, res, body);
    }
    return this.json(res, 404, { code: 404, description: 'not found' });
  }

  private token(res: ServerResponse, form: URLSearchParams): void {
    if (this.tokenFailure) return this.json(res, this.tokenFailure, { error: 'invalid_grant' });
    const ok =
      form.get('grant_type') === 'refresh_token' &&
      form.get('client_id') === 'app-id' &&
      form.get('client_secret') === 'app-secret' &&
      this.refreshTokens.has(form.get('refresh_token') ?? '') &&
      !!form.get('scope');
    if (!ok) return this.json(res, 400, { error: 'invalid_grant' });
    this.issued++;
    this.refreshTokens.add(`rt-${this.issued}`);
    this.json(res, 200, { token_type: 'Bearer', access_token: `at-${this.issued}`, expires_in: 3600, refresh_token: `rt-${this.issued}` });
  }

  private createRequest(req: IncomingMessage, res: ServerResponse, text: string): void {
    const requestId = String(req.headers['ms-requestid']);
    const existing = this.created.get(requestId);
    // Idempotent first: a retry of a request already created gets that one back.
    if (existing && this.faults[0] !== 'hang') return this.json(res, 201, { ...existing.body, id: existing.id });
    const fault = this.faults.shift();
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return this.json(res, 400, { code: 400, description: 'malformed body' });
    }
    if (fault !== undefined && fault !== 'hang')
      return this.json(
        res,
        fault.status,
        { code: fault.status, description: 'fault' },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    const missing = ['Title', 'Description', 'Severity', 'SupportTopicId'].filter((k) => typeof body[k] !== 'string' || body[k] === '');
    if (missing.length > 0 || !['critical', 'moderate', 'minimal'].includes(String(body.Severity)))
      return this.json(res, 400, { code: 400, description: `invalid ${missing.join(', ') || 'Severity'}` });
    const created = existing ?? { id: String(616122292874576 + this.created.size), body };
    this.created.set(requestId, created);
    if (fault === 'hang') return; // created, but the answer never comes
    this.json(res, 201, {
      title: body.Title,
      description: body.Description,
      severity: body.Severity,
      supportTopicId: body.SupportTopicId,
      id: created.id,
      status: 'open',
      attributes: { objectType: 'ServiceRequest' },
    });
  }
}
