import { expect } from 'chai';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { silentLogger } from '../../bot/log.js';
import { FakeRecognizer } from '../support/fakeRecognizer.js';
import { LoopbackConnector } from '../support/loopbackConnector.js';
import { message, post } from '../support/post.js';
import { makeTempDir } from '../support/tempDir.js';

const APP_ID = '0f3a2b1c-1111-4222-8333-944445555666';
const ISSUER = 'https://api.botframework.azure.cn';

/** Serves an OpenID configuration and its signing keys, as login.botframework.azure.cn does. */
async function openIdServer(jwk: object): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/keys') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`, server };
}

describe('authentication with an app id', () => {
  let dir: Awaited<ReturnType<typeof makeTempDir>>;
  let connector: LoopbackConnector;
  let serviceUrl: string;
  let openId: { url: string; server: Server };
  let app: RunningApp;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;

  const token = (claims: { aud?: string; iss?: string; serviceurl?: string }, key: CryptoKey = privateKey, kid = 'k1') =>
    new SignJWT({ serviceurl: claims.serviceurl ?? serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(claims.iss ?? ISSUER)
      .setAudience(claims.aud ?? APP_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  before(async () => {
    dir = await makeTempDir();
    connector = new LoopbackConnector();
    serviceUrl = await connector.start();
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    openId = await openIdServer({ ...(await exportJWK(pair.publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' });
    const base = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'test-secret',
      CLOUD: 'china',
      DATA_DIR: dir.path,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const config = {
      ...base,
      botFramework: { ...base.botFramework, ToBotFromChannelOpenIdMetadataUrl: openId.url, ToBotFromEmulatorOpenIdMetadataUrl: openId.url },
    };
    app = await startApp({ config, logger: silentLogger, recognizer: new FakeRecognizer() });
  });
  after(async () => {
    await app.stop();
    await connector.stop();
    await new Promise((r) => openId.server.close(r));
    await dir.remove();
  });

  const send = (authorization?: string) =>
    post(`${app.url}/api/messages`, message(serviceUrl, 'conv-auth', 'hello', { channelId: 'msteams', deliveryMode: 'expectReplies' }), {
      'content-type': 'application/json',
      ...(authorization && { authorization }),
    });

  for (const [name, header] of [
    ['no token', async () => undefined],
    ['a garbage token', async () => 'Bearer not.a.jwt'],
    ['a token for another audience', async () => `Bearer ${await token({ aud: '99999999-9999-4999-8999-999999999999' })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ iss: 'https://api.botframework.com' })}`],
    ['a token signed with an unknown key', async () => `Bearer ${await token({}, otherKey)}`],
    ['a token for another serviceUrl', async () => `Bearer ${await token({ serviceurl: 'https://evil.example' })}`],
  ] as const) {
    it(`rejects ${name} with 401 and sends nothing`, async () => {
      const before = connector.received.length;
      const res = await send(await header());
      expect(res.status).to.equal(401);
      expect(res.json).to.deep.equal({ error: 'unauthorized' });
      expect(connector.received.length).to.equal(before);
    });
  }

  it('accepts a correctly signed channel token', async () => {
    const res = await send(`Bearer ${await token({})}`);
    expect(res.status).to.equal(200);
    const replies = (res.json as { activities: Array<{ type: string; text: string }> }).activities.filter((a) => a.type === 'message');
    expect(replies.map((a) => a.text)).to.deep.equal(['Hello! What can I help you with today?']);
  });
});

describe('authentication while the OpenID metadata cannot be fetched', () => {
  for (const [name, serve] of [
    ['refused connections', undefined],
    [
      'a metadata endpoint answering 500',
      (_req: unknown, res: { statusCode: number; end(body: string): void }) => ((res.statusCode = 500), res.end('{}')),
    ],
  ] as const) {
    it(`${name}: a token it cannot verify gets 503 (the channel retries), never 500 or a reply`, async () => {
      const dir = await makeTempDir();
      const connector = new LoopbackConnector();
      const serviceUrl = await connector.start();
      const metadata = serve ? createServer(serve) : undefined;
      if (metadata) await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
      const url = metadata
        ? `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`
        : 'http://127.0.0.1:9/openid';
      const base = loadConfig({
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        CLOUD: 'china',
        DATA_DIR: dir.path,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      const app = await startApp({
        config: {
          ...base,
          botFramework: { ...base.botFramework, ToBotFromChannelOpenIdMetadataUrl: url, ToBotFromEmulatorOpenIdMetadataUrl: url },
        },
        logger: silentLogger,
        recognizer: new FakeRecognizer(),
      });
      try {
        const key = (await generateKeyPair('RS256')).privateKey;
        const forged = await new SignJWT({ serviceurl: serviceUrl })
          .setProtectedHeader({ alg: 'RS256', kid: 'k9' })
          .setIssuer(ISSUER)
          .setAudience(APP_ID)
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(key);
        const res = await post(`${app.url}/api/messages`, message(serviceUrl, 'conv-503', 'hello', { channelId: 'msteams' }), {
          'content-type': 'application/json',
          authorization: `Bearer ${forged}`,
        });
        expect(res.status).to.equal(503);
        expect(res.json).to.deep.include({ error: 'auth_unavailable' });
        expect(connector.received).to.have.length(0);
      } finally {
        await app.stop();
        await connector.stop();
        if (metadata) await new Promise((r) => metadata.close(r));
        await dir.remove();
      }
    });
  }
});
