import type { Activity } from 'botbuilder';

interface TeamsChannelData {
  readonly tenant?: { readonly id?: unknown };
}

/**
 * The Azure AD tenant of a Teams activity: channelData.tenant.id, else conversation.tenantId. Only
 * Teams sets these; in Direct Line and the Emulator the client writes channelData itself, so callers
 * must not trust a tenant from another channel.
 */
export function teamsTenantId(activity: Partial<Activity>): string | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  const id = (activity.channelData as TeamsChannelData | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}
