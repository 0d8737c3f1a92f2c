import { expect } from 'chai';
import { ConfigError, loadConfig, type Env } from '../../bot/config.js';

const CLIENT = '9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const TENANT = '3c1e5a7b-0d2f-4a6b-8c9d-0e1f2a3b4c5d';
const ACCOUNT_URL = 'https://cspbotdata.blob.core.chinacloudapi.cn';
const CHINA_INSIGHTS =
  'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://chinanorth3-0.in.applicationinsights.azure.cn/;LiveEndpoint=https://chinanorth3.livediagnostics.monitor.azure.cn/';

function problemsOf(env: Env): string {
  try {
    loadConfig(env, '/srv/bot');
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems.join('\n');
  }
  throw new Error('expected a ConfigError');
}

describe('config: Blob Storage through a managed identity', () => {
  const base = { STORAGE: 'blob', BLOB_CONTAINER: 'csp-bot', CLOUD: 'china' };

  it('takes BLOB_ACCOUNT_URL with a user-assigned identity and the China authority host', () => {
    expect(loadConfig({ ...base, BLOB_ACCOUNT_URL: `${ACCOUNT_URL}/`, AZURE_CLIENT_ID: CLIENT }).blob).to.deep.equal({
      accountUrl: ACCOUNT_URL,
      container: 'csp-bot',
      identity: { authorityHost: 'https://login.chinacloudapi.cn', clientId: CLIENT },
    });
    const systemAssigned = loadConfig({ ...base, CLOUD: 'public', BLOB_ACCOUNT_URL: ACCOUNT_URL }).blob;
    expect(systemAssigned).to.deep.include({ identity: { authorityHost: 'https://login.microsoftonline.com' } });
  });

  it('uses workload identity when a federated token file is configured, which needs the tenant and client ids', () => {
    const workload = {
      ...base,
      BLOB_ACCOUNT_URL: ACCOUNT_URL,
      AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
    };
    expect(loadConfig({ ...workload, AZURE_CLIENT_ID: CLIENT, AZURE_TENANT_ID: TENANT }).blob).to.deep.include({
      identity: {
        authorityHost: 'https://login.chinacloudapi.cn',
        clientId: CLIENT,
        workload: { tenantId: TENANT, tokenFile: workload.AZURE_FEDERATED_TOKEN_FILE },
      },
    });
    expect(problemsOf(workload)).to.match(/AZURE_FEDERATED_TOKEN_FILE \(workload identity\) needs AZURE_TENANT_ID and AZURE_CLIENT_ID/);
  });

  it('wants exactly one of the connection string and the account URL, an https URL, and a GUID client id', () => {
    const both = problemsOf({ ...base, BLOB_ACCOUNT_URL: ACCOUNT_URL, BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(both).to.match(/set BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL, not both/);
    expect(problemsOf(base)).to.match(/STORAGE=blob needs BLOB_CONTAINER and either BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL/);
    expect(problemsOf({ ...base, BLOB_ACCOUNT_URL: 'http://cspbotdata.blob.core.chinacloudapi.cn' })).to.match(
      /BLOB_ACCOUNT_URL must be an https URL/,
    );
    const all = problemsOf({ ...base, BLOB_ACCOUNT_URL: 'not a url', AZURE_CLIENT_ID: 'my-identity' });
    expect(all)
      .to.match(/BLOB_ACCOUNT_URL must be an http\(s\) URL/)
      .and.match(/AZURE_CLIENT_ID must be a GUID/);
    expect(problemsOf({ BLOB_ACCOUNT_URL: ACCOUNT_URL })).to.match(/BLOB_CONTAINER must be set together with the account/);
  });
});

describe('config: telemetry', () => {
  it('is off without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
    expect(loadConfig({}).telemetry).to.equal(undefined);
  });

  it('accepts the China ingestion endpoint form of the connection string', () => {
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: CHINA_INSIGHTS }).telemetry).to.deep.equal({
      connectionString: CHINA_INSIGHTS,
      ingestionEndpoint: 'https://chinanorth3-0.in.applicationinsights.azure.cn',
    });
  });

  it('refuses a connection string without an instrumentation key GUID or an ingestion endpoint', () => {
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=abc' })).to.match(
      /APPLICATIONINSIGHTS_CONNECTION_STRING needs an InstrumentationKey GUID and an IngestionEndpoint URL/,
    );
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-4000-8000-000000000000' })).to.match(
      /needs an IngestionEndpoint URL/,
    );
  });
});
