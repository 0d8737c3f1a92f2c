import { expect } from 'chai';
import { ConfigError, exposesUnauthenticatedTurns, loadConfig } from '../../bot/config.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, '/srv/bot');
  } catch (err) {
    expect(err).to.be.instanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('defaults to the Emulator set-up: no auth, loopback only, public cloud', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config.auth).to.equal(undefined);
    expect(config.host).to.equal('127.0.0.1');
    expect(config.port).to.equal(3978);
    expect(config.cloud).to.equal('public');
    expect(config.botFramework).to.deep.equal({});
    expect(config.dataDir).to.equal('/srv/bot/data');
    expect(config.clu).to.equal(undefined);
    expect(Object.isFrozen(config)).to.equal(true);
  });

  it('binds to all interfaces only once authentication is on, unless HOST says otherwise', () => {
    const env = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' };
    expect(loadConfig(env).host).to.equal('0.0.0.0');
    expect(loadConfig({ ...env, HOST: '10.0.0.4' }).host).to.equal('10.0.0.4');
    expect(loadConfig({ HOST: '::1' }).host).to.equal('::1');
  });

  it('refuses unauthenticated turns reachable from other machines unless ALLOW_UNAUTHENTICATED_NETWORK=yes', () => {
    expect(problemsOf({ HOST: '0.0.0.0' }).join('\n')).to.match(/HOST=0\.0\.0\.0 without MicrosoftAppId/);
    expect(problemsOf({ HOST: '192.168.1.20' }).join('\n')).to.match(/ALLOW_UNAUTHENTICATED_NETWORK=yes/);
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', LOCAL_WEBCHAT: 'on' }).join('\n')).to.match(
      /LOCAL_WEBCHAT=on with MicrosoftAppId/,
    );
    const open = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NETWORK: 'yes' });
    expect(open.host).to.equal('0.0.0.0');
    expect(exposesUnauthenticatedTurns(open)).to.equal(true);
    const webchat = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      LOCAL_WEBCHAT: 'on',
      ALLOW_UNAUTHENTICATED_NETWORK: 'yes',
    });
    expect(webchat.localWebChat).to.equal(true);
    expect(exposesUnauthenticatedTurns(webchat)).to.equal(true);
    expect(exposesUnauthenticatedTurns(loadConfig({}))).to.equal(false);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', LOCAL_WEBCHAT: 'on', HOST: '127.0.0.1' }).localWebChat).to.equal(
      true,
    );
    expect(problemsOf({ ALLOW_UNAUTHENTICATED_NETWORK: 'sure' }).join('\n')).to.match(/ALLOW_UNAUTHENTICATED_NETWORK/);
  });

  it('rejects the trailing commas and spaces a copied .env sample leaves behind, naming each key', () => {
    const problems = problemsOf({ MicrosoftAppId: `${APP_ID},`, MicrosoftAppPassword: 'secret ', CLOUD: 'china' });
    expect(problems.join('\n')).to.match(/MicrosoftAppId ends with ","/);
    expect(problems.join('\n')).to.match(/MicrosoftAppPassword has leading or trailing whitespace/);
  });

  it('requires the password or tenant id each app type needs', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID }).join('\n')).to.match(/MicrosoftAppPassword is required for MicrosoftAppType=MultiTenant/);
    const single = problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' });
    expect(single.join('\n')).to.match(/MicrosoftAppTenantId is required/);
    const msi = problemsOf({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: TENANT,
    });
    expect(msi.join('\n')).to.match(/must be empty for MicrosoftAppType=UserAssignedMSI/);
    expect(
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }).auth?.appType,
    ).to.equal('UserAssignedMSI');
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      CLOUD: 'mars',
      LOG_LEVEL: 'loud',
      MicrosoftAppId: 'not-a-guid',
      MicrosoftAppPassword: 'x',
    });
    expect(problems).to.have.length(4);
    expect(problems.join('\n')).to.include('PORT').and.include('CLOUD').and.include('LOG_LEVEL').and.include('MicrosoftAppId');
  });

  it('sets every 21Vianet Bot Framework endpoint together for CLOUD=china', () => {
    const multi = loadConfig({ CLOUD: 'china', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' }).botFramework;
    expect(multi).to.deep.equal({
      OAuthUrl: 'https://token.botframework.azure.cn/',
      ToChannelFromBotLoginUrl: 'https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn',
      ToChannelFromBotOAuthScope: 'https://api.botframework.azure.cn',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.azure.cn',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
      ToBotFromEmulatorOpenIdMetadataUrl:
        'https://login.partner.microsoftonline.cn/a55a4d5b-9241-49b1-b4ff-befa8db00269/v2.0/.well-known/openid-configuration',
      ValidateAuthority: true,
    });
    const single = loadConfig({
      CLOUD: 'China',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'x',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: TENANT,
    });
    expect(single.botFramework.ToChannelFromBotLoginUrl).to.equal(`https://login.partner.microsoftonline.cn/${TENANT}`);
  });

  it('includes an optional integration only when all of its keys are set', () => {
    const clu = { CLU_ENDPOINT: 'https://lang.cognitiveservices.azure.cn', CLU_KEY: 'k', CLU_PROJECT: 'support', CLU_DEPLOYMENT: 'prod' };
    expect(loadConfig(clu).clu).to.deep.include({ project: 'support', deployment: 'prod', timeoutMs: 1500 });
    const { CLU_KEY: _dropped, ...partial } = clu;
    expect(problemsOf(partial).join('\n')).to.match(/CLU_KEY must be set together with CLU_ENDPOINT/);
    expect(problemsOf({ ...clu, CLU_ENDPOINT: 'ftp://x' }).join('\n')).to.match(/CLU_ENDPOINT must be an http\(s\) URL/);
  });

  it('uses the 21Vianet Graph endpoints for CLOUD=china, and loopback overrides for tests', () => {
    const graph = { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: 'app', GRAPH_CLIENT_SECRET: 's' };
    expect(loadConfig({ ...graph, CLOUD: 'china' }).graph).to.deep.include({
      authorityHost: 'https://login.chinacloudapi.cn',
      endpoint: 'https://microsoftgraph.chinacloudapi.cn',
    });
    expect(loadConfig(graph).graph).to.deep.include({
      authorityHost: 'https://login.microsoftonline.com',
      endpoint: 'https://graph.microsoft.com',
    });
    expect(loadConfig({ ...graph, GRAPH_ENDPOINT: 'http://127.0.0.1:9999/' }).graph?.endpoint).to.equal('http://127.0.0.1:9999');
    expect(loadConfig({}).graph).to.equal(undefined);
    expect(problemsOf({ GRAPH_TENANT_ID: TENANT }).join('\n')).to.match(/GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET must be set together/);
  });

  it('needs both blob keys for STORAGE=blob, with a valid container name', () => {
    expect(loadConfig({}).storage).to.equal('file');
    expect(problemsOf({ STORAGE: 'blob' }).join('\n')).to.match(
      /STORAGE=blob needs BLOB_CONTAINER and either BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL/,
    );
    const blob = { STORAGE: 'blob', BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true', BLOB_CONTAINER: 'bot-state' };
    expect(loadConfig(blob).blob).to.deep.equal({ connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' });
    expect(problemsOf({ ...blob, BLOB_CONTAINER: 'Bot_State' }).join('\n')).to.match(/BLOB_CONTAINER must be/);
  });

  it('reads the tenant allow-list, web chat, transcript and retention settings', () => {
    const other = 'AAAAAAAA-0000-4000-8000-000000000001';
    expect(loadConfig({ ALLOWED_TENANTS: `${TENANT}, ${other}` }).allowedTenants).to.deep.equal([TENANT, other.toLowerCase()]);
    expect(problemsOf({ ALLOWED_TENANTS: `${TENANT},` }).join('\n')).to.match(/ALLOWED_TENANTS ends with ","/);
    expect(problemsOf({ ALLOWED_TENANTS: `${TENANT},contoso` }).join('\n')).to.match(/ALLOWED_TENANTS must list tenant GUIDs.*"contoso"/);
    expect(loadConfig({}).localWebChat).to.equal(true);
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' }).localWebChat).to.equal(false);
    expect(
      loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', LOCAL_WEBCHAT: 'on', ALLOW_UNAUTHENTICATED_NETWORK: 'yes' })
        .localWebChat,
    ).to.equal(true);
    expect(loadConfig({}).transcripts).to.equal(false);
    expect(loadConfig({}).retentionDays).to.equal(90);
    expect(problemsOf({ RETENTION_DAYS: '0' }).join('\n')).to.match(/RETENTION_DAYS must be an integer from 1/);
  });

  it('reads the desk keys, and reports every bad one at once', () => {
    expect(loadConfig({}).desk).to.deep.equal({ mode: 'desk', takeMinutes: 5 });
    const agent = 'BBBBBBBB-0000-4000-8000-000000000002';
    const env = {
      HANDOFF_MODE: 'Both',
      DESK_TOKEN: 'a-long-enough-token',
      DESK_AGENTS: agent,
      RESELLER_TENANT_ID: TENANT,
      DESK_TAKE_MINUTES: '10',
    };
    expect(loadConfig(env).desk).to.deep.equal({
      mode: 'both',
      token: 'a-long-enough-token',
      agents: [agent.toLowerCase()],
      resellerTenantId: TENANT,
      takeMinutes: 10,
    });
    const bad = { HANDOFF_MODE: 'omnichannel', DESK_TOKEN: 'short', DESK_AGENTS: 'li.na', DESK_TAKE_MINUTES: '0' };
    const problems = problemsOf(bad).join('\n');
    expect(problems).to.match(/HANDOFF_MODE must be one of desk, hub, both/);
    expect(problems).to.match(/DESK_TOKEN must be at least 16 characters \(got 5\)/);
    expect(problems).to.match(/DESK_AGENTS must list Entra object ids \(GUIDs\).*"li\.na"/);
    expect(problems).to.match(/DESK_AGENTS needs RESELLER_TENANT_ID/);
    expect(problems).to.match(/DESK_TAKE_MINUTES must be an integer from 1 to 1440/);
    expect(problemsOf({ RESELLER_TENANT_ID: 'contoso' }).join('\n')).to.match(/RESELLER_TENANT_ID must be a GUID/);
  });
});
