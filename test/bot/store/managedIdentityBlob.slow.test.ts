import { expect } from 'chai';
import { request } from 'node:https';
import { join } from 'node:path';
import { startAzurite, type Azurite } from '../../support/azurite.js';
import { startBotProcess } from '../../support/botProcess.js';
import { startManagedIdentityEndpoint, type ManagedIdentityEndpoint } from '../../support/fakeManagedIdentity.js';
import { message, post } from '../../support/post.js';
import { selfSignedCert } from '../../support/selfSignedCert.js';
import { makeTempDir } from '../../support/tempDir.js';

const CLIENT = '9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const TENANT = '3c1e5a7b-0d2f-4a6b-8c9d-0e1f2a3b4c5d';

/** Blob names in a container, listed over HTTPS with a bearer token, trusting only the test's own certificate. */
function listBlobs(accountUrl: string, container: string, token: string, ca: string): Promise<string[]> {
  const url = new URL(`${accountUrl}/${container}?restype=container&comp=list`);
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { authorization: `Bearer ${token}`, 'x-ms-version': '2025-01-05' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve([...body.matchAll(/<Name>([^<]+)<\/Name>/g)].map((m) => m[1]!))
          : reject(new Error(`${res.statusCode}: ${body}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('STORAGE=blob with BLOB_ACCOUNT_URL and a managed identity (Azurite over HTTPS with OAuth, loopback token endpoint)', function () {
  this.timeout(120_000);
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  let azurite: Azurite;
  let identity: ManagedIdentityEndpoint;
  let ca: string;
  let env: (container: string, dataDir: string) => Record<string, string>;

  before(async () => {
    tmp = await makeTempDir();
    const tls = await selfSignedCert(tmp.path);
    ca = tls.cert;
    azurite = await startAzurite({ oauthHttps: { cert: tls.certFile, key: tls.keyFile } });
    identity = await startManagedIdentityEndpoint(TENANT);
    env = (container, dataDir) => ({
      STORAGE: 'blob',
      BLOB_ACCOUNT_URL: azurite.accountUrl,
      BLOB_CONTAINER: container,
      AZURE_CLIENT_ID: CLIENT,
      CLOUD: 'china',
      DATA_DIR: dataDir,
      // What App Service sets for its managed identity, and trust for the test's certificate only.
      IDENTITY_ENDPOINT: identity.url,
      IDENTITY_HEADER: identity.secret,
      NODE_EXTRA_CA_CERTS: join(tmp.path, 'cert.pem'),
    });
  });
  after(async () => {
    await identity?.close();
    await azurite?.stop();
    await tmp?.remove();
  });

  it("keeps the bot's state in the container with a token for Azure Storage from the user-assigned identity, and no key", async () => {
    const container = azurite.container();
    const bot = await startBotProcess(env(container, join(tmp.path, 'one')));
    try {
      const res = await post(
        `${bot.url}/api/messages`,
        message(bot.url, 'mi-conv', '你好', { deliveryMode: 'expectReplies', locale: 'zh-CN' }),
      );
      expect(res.status, res.text).to.equal(200);
      expect(JSON.stringify(res.json)).to.match(/\p{Script=Han}/u);
    } finally {
      expect(await bot.stop()).to.equal(0);
    }
    expect(identity.requests.length).to.be.at.least(1);
    for (const r of identity.requests) {
      expect(r).to.deep.equal({ apiVersion: '2019-08-01', resource: 'https://storage.azure.com', clientId: CLIENT, headerOk: true });
    }
    const token = await (
      await fetch(`${identity.url}?api-version=2019-08-01&resource=https://storage.azure.com`, {
        headers: { 'x-identity-header': identity.secret },
      })
    ).json();
    const names = await listBlobs(azurite.accountUrl, container, (token as { access_token: string }).access_token, ca);
    expect(names.some((n) => n.startsWith('d/state%2F'))).to.equal(true);
  });

  it("refuses to start, saying which container, when Azure Storage refuses the identity's token", async () => {
    identity.audience = 'wrong';
    try {
      const failed = await startBotProcess(env(azurite.container(), join(tmp.path, 'two'))).then(
        async (bot) => (await bot.stop(), ''),
        (err: Error) => err.message,
      );
      expect(failed)
        .to.match(/bot exited 1/)
        .and.match(/Azure Blob container/);
    } finally {
      identity.audience = 'requested';
    }
  });
});
