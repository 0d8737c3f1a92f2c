import type { ConfigReader } from './configReader.js';

export type Cloud = 'public' | 'china';

export interface CluConfig {
  readonly endpoint: string;
  readonly key: string;
  readonly project: string;
  readonly deployment: string;
  readonly timeoutMs: number;
}

/** Microsoft Graph service communications API, with client credentials. */
export interface GraphConfig {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Token authority host, e.g. https://login.chinacloudapi.cn (no trailing slash). */
  readonly authorityHost: string;
  /** Graph root, e.g. https://microsoftgraph.chinacloudapi.cn (no trailing slash). */
  readonly endpoint: string;
  readonly timeoutMs: number;
}

/**
 * Partner Center service requests (tier 2: reported to 21Vianet on the customer's behalf). Creating a
 * service request accepts App+User tokens only, so besides the app's id and secret the bot needs a
 * refresh token of a partner user (the secure application model), redeemed for access tokens.
 */
export interface PartnerCenterConfig {
  /** REST base URL, e.g. https://partner.partnercenterapi.microsoftonline.cn (no trailing slash). */
  readonly endpoint: string;
  /** The partner's own tenant, where the token is requested. */
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Refresh token of a partner user (admin or helpdesk agent) who consented to the app. */
  readonly refreshToken: string;
  readonly authorityHost: string;
  /** The token scope, e.g. https://api.partnercenter.microsoft.com/.default. */
  readonly scope: string;
  readonly timeoutMs: number;
  /** Support topic used when none of Partner Center's topics names the affected service. */
  readonly defaultSupportTopicId?: string;
}

/** Azure Blob Storage: a connection string, or the account URL with the app's Microsoft Entra identity. */
export type BlobConfig = { readonly container: string } & (
  { readonly connectionString: string } | { readonly accountUrl: string; readonly identity: BlobIdentity }
);

/** Managed identity (App Service, VMs), or workload identity (AKS) when a federated token file is given. */
export interface BlobIdentity {
  /** A user-assigned identity's client id (AZURE_CLIENT_ID); absent for the system-assigned one. */
  readonly clientId?: string;
  /** Microsoft Entra ID of the cloud, e.g. https://login.chinacloudapi.cn. */
  readonly authorityHost: string;
  readonly workload?: { readonly tenantId: string; readonly tokenFile: string };
}

const AUTHORITY: Record<Cloud, string> = { public: 'https://login.microsoftonline.com', china: 'https://login.chinacloudapi.cn' };
const GRAPH: Record<Cloud, string> = { public: 'https://graph.microsoft.com', china: 'https://microsoftgraph.chinacloudapi.cn' };
const PARTNER_CENTER_SCOPE: Record<Cloud, string> = {
  public: 'https://api.partnercenter.microsoft.com/.default',
  // The resource the China samples request tokens for; PARTNER_CENTER_SCOPE overrides it.
  china: 'https://partner.partnercenterapi.microsoftonline.cn/.default',
};

export function readClu(r: ConfigReader): CluConfig | undefined {
  const group = r.group(['CLU_ENDPOINT', 'CLU_KEY', 'CLU_PROJECT', 'CLU_DEPLOYMENT']);
  const timeoutMs = r.int('CLU_TIMEOUT_MS', 1500, 100, 30_000);
  if (!group) return undefined;
  const endpoint = r.url('CLU_ENDPOINT');
  if (!endpoint) return undefined;
  return { endpoint, key: group.CLU_KEY!, project: group.CLU_PROJECT!, deployment: group.CLU_DEPLOYMENT!, timeoutMs };
}

/** GRAPH_AUTHORITY_HOST and GRAPH_ENDPOINT default to the cloud's own; tests point them at loopback. */
export function readGraph(r: ConfigReader, cloud: Cloud): GraphConfig | undefined {
  const group = r.group(['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID', 'GRAPH_CLIENT_SECRET']);
  const authorityHost = r.url('GRAPH_AUTHORITY_HOST') ?? AUTHORITY[cloud];
  const endpoint = r.url('GRAPH_ENDPOINT') ?? GRAPH[cloud];
  const timeoutMs = r.int('GRAPH_TIMEOUT_MS', 5000, 100, 60_000);
  if (!group) return undefined;
  r.guid('GRAPH_TENANT_ID');
  return {
    tenantId: group.GRAPH_TENANT_ID!,
    clientId: group.GRAPH_CLIENT_ID!,
    clientSecret: group.GRAPH_CLIENT_SECRET!,
    authorityHost,
    endpoint,
    timeoutMs,
  };
}

export function readPartnerCenter(r: ConfigReader, cloud: Cloud): PartnerCenterConfig | undefined {
  const group = r.group([
    'PARTNER_CENTER_ENDPOINT',
    'PARTNER_CENTER_TENANT_ID',
    'PARTNER_CENTER_CLIENT_ID',
    'PARTNER_CENTER_CLIENT_SECRET',
    'PARTNER_CENTER_REFRESH_TOKEN',
  ]);
  const authorityHost = r.url('PARTNER_CENTER_AUTHORITY_HOST') ?? AUTHORITY[cloud];
  const scope = r.get('PARTNER_CENTER_SCOPE') ?? PARTNER_CENTER_SCOPE[cloud];
  const timeoutMs = r.int('PARTNER_CENTER_TIMEOUT_MS', 10_000, 100, 120_000);
  const defaultSupportTopicId = r.get('PARTNER_CENTER_SUPPORT_TOPIC_ID');
  if (!group) return undefined;
  const endpoint = r.url('PARTNER_CENTER_ENDPOINT');
  if (!endpoint) return undefined;
  return {
    endpoint,
    tenantId: group.PARTNER_CENTER_TENANT_ID!,
    clientId: group.PARTNER_CENTER_CLIENT_ID!,
    clientSecret: group.PARTNER_CENTER_CLIENT_SECRET!,
    refreshToken: group.PARTNER_CENTER_REFRESH_TOKEN!,
    authorityHost,
    scope,
    timeoutMs,
    ...(defaultSupportTopicId && { defaultSupportTopicId }),
  };
}

/** STORAGE=blob needs BLOB_CONTAINER and exactly one of BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL (managed identity). */
export function readBlob(r: ConfigReader, storage: 'file' | 'blob', cloud: Cloud): BlobConfig | undefined {
  const connectionString = r.get('BLOB_CONNECTION_STRING');
  const rawUrl = r.get('BLOB_ACCOUNT_URL');
  const container = r.get('BLOB_CONTAINER');
  const identity = readBlobIdentity(r, cloud);
  const account = connectionString ?? rawUrl;
  if (connectionString !== undefined && rawUrl !== undefined) r.problems.push('set BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL, not both');
  if (storage === 'blob' && (account === undefined || container === undefined)) {
    r.problems.push('STORAGE=blob needs BLOB_CONTAINER and either BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL (managed identity)');
    return undefined;
  }
  if (account === undefined && container === undefined) return undefined;
  if (account === undefined || container === undefined) {
    const [missing, given] =
      container === undefined ? ['BLOB_CONTAINER', 'the account'] : ['BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL', 'BLOB_CONTAINER'];
    r.problems.push(`${missing} must be set together with ${given}`);
    return undefined;
  }
  // Azure container names: 3-63 lowercase letters, digits and single hyphens, starting with a letter or digit.
  if (!/^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/.test(container)) {
    r.problems.push(`BLOB_CONTAINER must be 3-63 lowercase letters, digits or single hyphens (got "${container}")`);
  }
  if (connectionString !== undefined) return { connectionString, container };
  const accountUrl = r.url('BLOB_ACCOUNT_URL');
  // A bearer token never travels unencrypted.
  if (accountUrl !== undefined && !accountUrl.startsWith('https://')) {
    r.problems.push(`BLOB_ACCOUNT_URL must be an https URL (got "${accountUrl}")`);
  }
  return accountUrl === undefined ? undefined : { accountUrl, container, identity };
}

function readBlobIdentity(r: ConfigReader, cloud: Cloud): BlobIdentity {
  const clientId = r.guid('AZURE_CLIENT_ID');
  const tokenFile = r.get('AZURE_FEDERATED_TOKEN_FILE');
  const tenantId = r.guid('AZURE_TENANT_ID');
  if (tokenFile !== undefined && (tenantId === undefined || clientId === undefined)) {
    r.problems.push('AZURE_FEDERATED_TOKEN_FILE (workload identity) needs AZURE_TENANT_ID and AZURE_CLIENT_ID');
  }
  return {
    authorityHost: AUTHORITY[cloud],
    ...(clientId && { clientId }),
    ...(tokenFile && tenantId && { workload: { tenantId, tokenFile } }),
  };
}
