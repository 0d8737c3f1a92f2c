import { createHash, timingSafeEqual } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { DeskConfig } from '../config.js';
import { teamsTenantId } from '../teams/teamsTenant.js';

/** The local desk token, compared in constant time (hashes first, so the length leaks nothing either). */
export function tokensMatch(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export type TeamsRefusal = 'tenant' | 'agent';

/**
 * Who may register or act in a Teams desk: a user of RESELLER_TENANT_ID (the tenant Teams proves), and one
 * of DESK_AGENTS when that list is set. Undefined when allowed, else why not.
 */
export function teamsRefusal(
  activity: Partial<Activity>,
  config: Pick<DeskConfig, 'resellerTenantId' | 'agents'>,
): TeamsRefusal | undefined {
  const tenant = teamsTenantId(activity)?.toLowerCase();
  if (!config.resellerTenantId || tenant !== config.resellerTenantId) return 'tenant';
  const agent = activity.from?.aadObjectId?.toLowerCase();
  if (config.agents && (!agent || !config.agents.includes(agent))) return 'agent';
  return undefined;
}
