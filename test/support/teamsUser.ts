import type { Activity } from 'botbuilder';

/** The parts of a Teams activity that identify who is asking: tenant in channelData, Entra object id on `from`. */
export function teamsUser(tenantId: string, aadObjectId: string): Partial<Activity> {
  return { channelId: 'msteams', channelData: { tenant: { id: tenantId } }, from: { id: `29:${aadObjectId}`, name: 'User', aadObjectId } };
}
