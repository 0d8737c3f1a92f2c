import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Env } from '../../bot/config.js';
import { evaluate, type ArmContext, type ArmValue } from './armExpression.js';

const ROOT = join(import.meta.dirname, '../..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as T;
const template = readJson<Template>('deploy/azuredeploy.json');
const example = readJson<{ $schema: string; parameters: Record<string, { value: ArmValue }> }>('deploy/parameters.example.json');

/** Read by App Service itself, not by the bot. */
const PLATFORM_KEYS = ['SCM_DO_BUILD_DURING_DEPLOYMENT'];

interface Parameter {
  type: string;
  defaultValue?: ArmValue;
}
interface Resource {
  type: string;
  apiVersion: string;
  name: string;
  [key: string]: ArmValue;
}
interface Template {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, Parameter>;
  variables: Record<string, ArmValue>;
  resources: Resource[];
  outputs: Record<string, ArmValue>;
}
type Props<T> = Resource & { properties: T };
type Site = Props<{ httpsOnly: boolean; siteConfig: Record<string, ArmValue> & { appSettings: { name: string; value: ArmValue }[] } }> & {
  identity: { type: string; userAssignedIdentities: Record<string, ArmValue> };
};

// Placeholders for what Azure knows only at deployment time.
const TENANT = '3c1e5a7b-0d2f-4a6b-8c9d-0e1f2a3b4c5d';
const IDENTITY = {
  clientId: '9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  principalId: '4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d',
  tenantId: TENANT,
};
const CONNECTION_STRING =
  'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://chinanorth3-0.in.applicationinsights.azure.cn/';
const APP_ID = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
// environment() as Azure operated by 21Vianet returns it (the part the template reads).
const CHINA_ENVIRONMENT = { name: 'AzureChinaCloud', suffixes: { storage: 'core.chinacloudapi.cn' } };

function deployed(id: string): ArmValue {
  const [, type, name] = /\/providers\/([^/]+\/[^/]+)\/([^/]+)$/.exec(id) ?? [];
  if (type === 'Microsoft.ManagedIdentity/userAssignedIdentities') return IDENTITY;
  if (type === 'Microsoft.Insights/components') return { ConnectionString: CONNECTION_STRING };
  if (type === 'Microsoft.Web/sites') return { defaultHostName: `${name}.chinacloudsites.cn` };
  throw new Error(`no placeholder for reference('${id}')`);
}

/** The example parameter file with overrides, defaults filled in as ARM would. */
function deployment(overrides: Record<string, ArmValue> = {}) {
  const fromExample = Object.fromEntries(Object.entries(example.parameters).map(([k, v]) => [k, v.value]));
  const given: Record<string, ArmValue> = { ...fromExample, ...overrides };
  const parameters: Record<string, ArmValue> = {};
  const ctx: ArmContext = {
    parameters,
    variables: template.variables,
    environment: CHINA_ENVIRONMENT,
    reference: deployed,
    subscription: { subscriptionId: '11111111-2222-4333-8444-555555555555', tenantId: TENANT },
    resourceGroup: { name: 'rg-cspbot', location: 'chinanorth3' },
  };
  for (const [name, p] of Object.entries(template.parameters)) {
    if (name in given) parameters[name] = given[name]!;
    else if (p.defaultValue !== undefined) parameters[name] = evaluate(p.defaultValue, ctx);
    else throw new Error(`parameter ${name} has no value`);
  }
  const resources = evaluate(template.resources, ctx) as Resource[];
  const one = <T extends Resource = Resource>(type: string) => resources.filter((r) => r.type === type) as T[];
  const site = one<Site>('Microsoft.Web/sites')[0]!;
  const settings = Object.fromEntries(site.properties.siteConfig.appSettings.map((s) => [s.name, s.value]));
  return { one, settings, variable: (name: string) => evaluate(`[variables('${name}')]`, ctx) };
}

/** The web app's environment as the bot would see it. */
function botEnv(settings: Record<string, ArmValue>): Env {
  for (const [k, v] of Object.entries(settings)) expect(v, `app setting ${k}`).to.be.a('string');
  return settings as Record<string, string>;
}

describe('deploy/azuredeploy.json (Azure operated by 21Vianet)', () => {
  it('has the ARM deployment template shape, and the example parameter file names only declared parameters', () => {
    expect(template.$schema).to.match(/^https:\/\/schema\.management\.azure\.com\/schemas\/[\d-]+\/deploymentTemplate\.json#$/);
    expect(template.contentVersion).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    expect(template.parameters).to.be.an('object');
    expect(template.resources).to.be.an('array').with.lengthOf.above(0);
    for (const r of template.resources) expect(r, r.name).to.include.keys('type', 'apiVersion', 'name');
    expect(example.$schema).to.match(/deploymentParameters\.json#$/);
    expect(Object.keys(template.parameters)).to.include.members(Object.keys(example.parameters));
  });

  it('uses every parameter, gives no secret a default, and the example sets every parameter without one', () => {
    const body = JSON.stringify({ ...template, parameters: undefined });
    for (const [name, p] of Object.entries(template.parameters)) {
      expect(body, `parameter ${name} is never used`).to.include(`parameters('${name}')`);
      if (/^secure/i.test(p.type)) expect(p, `secure parameter ${name}`).not.to.have.property('defaultValue');
      if (p.defaultValue === undefined) expect(example.parameters, `example lacks ${name}`).to.have.property(name);
    }
    expect(JSON.stringify(template.outputs)).not.to.include("parameters('appPassword')");
  });

  it('hard-codes no cloud host names: endpoints come from environment() and reference()', () => {
    const text = JSON.stringify(template);
    expect(text).not.to.match(/windows\.net|azurewebsites\.net|microsoftonline\.com|botframework\.com|applicationinsights\.azure\.com/);
    expect(text).not.to.match(/chinacloudapi\.cn|chinacloudsites\.cn/);
  });

  it('with the example (UserAssignedMSI) sets every key loadConfig needs for CLOUD=china', () => {
    const { settings, variable } = deployment();
    let config: ReturnType<typeof loadConfig> | undefined;
    expect(() => (config = loadConfig(botEnv(settings), ROOT)), 'loadConfig threw').not.to.throw(ConfigError);
    expect(config).to.deep.include({ cloud: 'china', storage: 'blob', dataDir: '/home/data', localWebChat: false, logLevel: 'info' });
    expect(config!.auth).to.deep.equal({ appId: IDENTITY.clientId, appType: 'UserAssignedMSI', tenantId: TENANT });
    expect(config!.botFramework.ToChannelFromBotLoginUrl).to.equal(`https://login.partner.microsoftonline.cn/${TENANT}`);
    expect(config!.blob).to.deep.equal({
      accountUrl: `https://${variable('storageName') as string}.blob.core.chinacloudapi.cn`,
      container: example.parameters.blobContainer!.value,
      identity: { authorityHost: 'https://login.chinacloudapi.cn', clientId: IDENTITY.clientId },
    });
    expect(config!.telemetry).to.deep.equal({
      connectionString: CONNECTION_STRING,
      ingestionEndpoint: 'https://chinanorth3-0.in.applicationinsights.azure.cn',
    });
    expect(settings).to.include({
      MicrosoftAppPassword: '',
      BLOB_ACCOUNT_URL: `https://${variable('storageName') as string}.blob.core.chinacloudapi.cn`,
      AZURE_CLIENT_ID: IDENTITY.clientId,
      APPLICATIONINSIGHTS_CONNECTION_STRING: CONNECTION_STRING,
      SCM_DO_BUILD_DURING_DEPLOYMENT: 'false',
    });
  });

  it('with SingleTenant uses the app registration, its tenant and the secret given at deployment', () => {
    const appId = APP_ID;
    const tenantId = '2a3b4c5d-6e7f-4081-92a3-b4c5d6e7f809';
    const secret = 'secret-from-the-command-line';
    const { settings } = deployment({ appType: 'SingleTenant', botAppId: appId, appPassword: secret, appTenantId: tenantId });
    const config = loadConfig(botEnv(settings), ROOT);
    expect(config.auth).to.deep.equal({ appId, appType: 'SingleTenant', password: secret, tenantId });
    expect(config.botFramework.ToChannelFromBotLoginUrl).to.equal(`https://login.partner.microsoftonline.cn/${tenantId}`);
    expect(settings.AZURE_CLIENT_ID, 'Blob access still goes through the managed identity').to.equal(IDENTITY.clientId);
  });

  it('sets only keys the bot reads or App Service reads', () => {
    const { settings } = deployment();
    const read = new Set<string>();
    const env = botEnv(settings);
    loadConfig(new Proxy(env, { get: (target, key: string) => (read.add(key), target[key]) }), ROOT);
    for (const key of Object.keys(settings)) expect([...read, ...PLATFORM_KEYS], `app setting ${key}`).to.include(key);
  });

  it('runs a Linux web app on Node 20 or later: always on, HTTPS only, /healthz, the built entry point, the managed identity', () => {
    const { one, variable } = deployment();
    const plan = one('Microsoft.Web/serverfarms')[0]!;
    expect(plan).to.deep.include({ kind: 'linux', properties: { reserved: true } });
    const site = one<Site>('Microsoft.Web/sites')[0]!;
    expect(site.kind).to.equal('app,linux');
    expect(site.properties.httpsOnly).to.equal(true);
    const { linuxFxVersion, alwaysOn, healthCheckPath, appCommandLine } = site.properties.siteConfig;
    expect(Number(/^NODE\|(\d+)-lts$/.exec(String(linuxFxVersion))?.[1])).to.be.at.least(20);
    expect({ alwaysOn, healthCheckPath, appCommandLine }).to.deep.equal({
      alwaysOn: true,
      healthCheckPath: '/healthz',
      appCommandLine: 'node lib/bot/index.js',
    });
    expect(site.identity.type).to.equal('UserAssigned');
    expect(Object.keys(site.identity.userAssignedIdentities)).to.deep.equal([variable('identityId')]);
  });

  for (const appType of ['UserAssignedMSI', 'SingleTenant'] as const) {
    it(`registers a global Azure Bot (${appType}) on the web app's /api/messages with Teams and Direct Line`, () => {
      const { one, settings, variable } = deployment(appType === 'SingleTenant' ? { appType, botAppId: APP_ID, appPassword: 'x' } : {});
      const bot = one<Props<Record<string, string>>>('Microsoft.BotService/botServices')[0]!;
      const site = one('Microsoft.Web/sites')[0]!;
      expect(bot).to.deep.include({ location: 'global', kind: 'azurebot' });
      expect(bot.properties).to.deep.include({
        endpoint: `https://${site.name}.chinacloudsites.cn/api/messages`,
        msaAppType: appType,
        msaAppId: settings.MicrosoftAppId,
        msaAppTenantId: settings.MicrosoftAppTenantId,
        msaAppMSIResourceId: appType === 'UserAssignedMSI' ? variable('identityId') : '',
      });
      const channels = one<Props<{ channelName: string }>>('Microsoft.BotService/botServices/channels');
      expect(channels.map((c) => [c.name, c.properties.channelName])).to.have.deep.members([
        [`${bot.name}/MsTeamsChannel`, 'MsTeamsChannel'],
        [`${bot.name}/DirectLineChannel`, 'DirectLineChannel'],
      ]);
    });
  }

  it('keeps data in a StorageV2 account with blob soft delete, and gives the identity Storage Blob Data Contributor', () => {
    const { one, variable } = deployment();
    const account = one('Microsoft.Storage/storageAccounts')[0]!;
    expect(account).to.deep.include({ name: variable('storageName'), kind: 'StorageV2' });
    expect(String(account.name)).to.match(/^[a-z0-9]{3,24}$/);
    const blob = one<Props<{ deleteRetentionPolicy: ArmValue }>>('Microsoft.Storage/storageAccounts/blobServices')[0]!;
    expect(blob.properties.deleteRetentionPolicy).to.deep.equal({ enabled: true, days: example.parameters.blobSoftDeleteDays!.value });
    const containers = one('Microsoft.Storage/storageAccounts/blobServices/containers').map((c) => c.name);
    expect(containers).to.deep.equal([`${account.name}/default/${example.parameters.blobContainer!.value}`]);
    const [role] = one<Props<Record<string, string>>>('Microsoft.Authorization/roleAssignments');
    expect(role!.scope).to.equal(`Microsoft.Storage/storageAccounts/${account.name}`);
    expect(role!.properties.roleDefinitionId).to.match(/\/roleDefinitions\/ba92f5b4-2d11-453d-a403-e96b0029c9fe$/);
    expect(role!.properties).to.deep.include({ principalId: IDENTITY.principalId, principalType: 'ServicePrincipal' });
  });

  it('sends telemetry to a workspace-based Application Insights', () => {
    const { one } = deployment();
    const workspace = one('Microsoft.OperationalInsights/workspaces')[0]!;
    const insights = one<Props<{ WorkspaceResourceId: string }>>('Microsoft.Insights/components')[0]!;
    expect(insights.properties.WorkspaceResourceId).to.match(new RegExp(`/Microsoft\\.OperationalInsights/workspaces/${workspace.name}$`));
  });
});
