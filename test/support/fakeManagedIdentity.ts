import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

export interface TokenRequest {
  readonly apiVersion: string | null;
  readonly resource: string | null;
  readonly clientId: string | null;
  readonly headerOk: boolean;
}

export interface ManagedIdentityEndpoint {
  /** For IDENTITY_ENDPOINT. */
  readonly url: string;
  /** For IDENTITY_HEADER. */
  readonly secret: string;
  readonly requests: TokenRequest[];
  /** What the next tokens are issued for; a wrong one must be refused by the resource. */
  audience: 'requested' | 'wrong';
  close(): Promise<void>;
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * App Service's managed-identity endpoint on 127.0.0.1 (IDENTITY_ENDPOINT / IDENTITY_HEADER, api-version
 * 2019-08-01): GET ?resource=…&client_id=… with the X-IDENTITY-HEADER secret answers a bearer token, a JWT
 * with the requested audience and a China cloud issuer, as Microsoft Entra ID operated by 21Vianet would.
 */
export async function startManagedIdentityEndpoint(tenantId: string): Promise<ManagedIdentityEndpoint> {
  const secret = randomBytes(12).toString('hex');
  const signingKey = randomBytes(32);
  const requests: TokenRequest[] = [];
  const state = { audience: 'requested' as 'requested' | 'wrong' };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: TokenRequest = {
      apiVersion: url.searchParams.get('api-version'),
      resource: url.searchParams.get('resource'),
      clientId: url.searchParams.get('client_id'),
      headerOk: req.headers['x-identity-header'] === secret,
    };
    requests.push(request);
    res.setHeader('content-type', 'application/json');
    if (!request.headerOk || !request.resource) {
      res.statusCode = 400;
      res.end(JSON.stringify({ statusCode: 400, message: 'missing or wrong X-IDENTITY-HEADER or resource' }));
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const aud = state.audience === 'requested' ? request.resource : 'https://management.chinacloudapi.cn';
    const claims = {
      aud,
      iss: `https://sts.chinacloudapi.cn/${tenantId}/`,
      iat: now - 60,
      nbf: now - 60,
      exp: now + 3600,
      tid: tenantId,
      appid: request.clientId,
    };
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    const token = `${unsigned}.${createHmac('sha256', signingKey).update(unsigned).digest('base64url')}`;
    res.end(
      JSON.stringify({
        access_token: token,
        expires_on: String(now + 3600),
        resource: request.resource,
        token_type: 'Bearer',
        client_id: request.clientId,
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/msi/token`,
    secret,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  });
}
