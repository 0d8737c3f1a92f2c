import type { TokenCredential } from '@azure/identity';
import type { BlobIdentity } from '../integrationConfig.js';

/**
 * The app's own Microsoft Entra identity for Blob Storage: workload identity when a federated token file is
 * configured (AKS), else the managed identity (App Service, VMs), user-assigned when a client id is given.
 * @azure/identity is loaded only here, so a bot with a connection string or STORAGE=file never pays for it.
 */
export async function blobCredential(identity: BlobIdentity): Promise<TokenCredential> {
  const { ManagedIdentityCredential, WorkloadIdentityCredential } = await import('@azure/identity');
  const { authorityHost, clientId, workload } = identity;
  if (workload) {
    return new WorkloadIdentityCredential({ authorityHost, clientId, tenantId: workload.tenantId, tokenFilePath: workload.tokenFile });
  }
  return new ManagedIdentityCredential({ authorityHost, ...(clientId && { clientId }) });
}
