/**
 * Microsoft Graph service communications names our service ids (bot/nlu/serviceNames.ts) both ways.
 * Graph's healthOverviews carry an id ("Exchange") and a name ("Exchange Online"); issues carry only the
 * name. Azure services are not in the Microsoft 365 service communications API, so Graph never covers them.
 */
interface GraphService {
  readonly graphId: string;
  readonly names: readonly string[];
  readonly ours: readonly string[];
}

const M365 = ['exchange', 'outlook', 'sharepoint', 'onedrive', 'teams', 'office', 'entra-id'] as const;

const GRAPH_SERVICES: readonly GraphService[] = [
  { graphId: 'Exchange', names: ['Exchange Online'], ours: ['exchange', 'outlook'] },
  { graphId: 'SharePoint', names: ['SharePoint Online'], ours: ['sharepoint'] },
  { graphId: 'OneDriveForBusiness', names: ['OneDrive for Business'], ours: ['onedrive'] },
  { graphId: 'microsoftteams', names: ['Microsoft Teams'], ours: ['teams'] },
  { graphId: 'O365Client', names: ['Microsoft 365 Apps', 'Microsoft 365 apps', 'Office Client Applications'], ours: ['office'] },
  { graphId: 'officeonline', names: ['Office for the web', 'Office Online'], ours: ['office'] },
  { graphId: 'OrgLiveID', names: ['Identity Service', 'Microsoft Entra'], ours: ['entra-id'] },
  // The suite-wide entry: an issue there touches every Microsoft 365 service.
  { graphId: 'OSDPPlatform', names: ['Microsoft 365 suite'], ours: [...M365] },
];

const key = (s: string) => s.trim().toLowerCase();
const BY_GRAPH = new Map<string, readonly string[]>(
  GRAPH_SERVICES.flatMap((g) => [g.graphId, ...g.names].map((n) => [key(n), g.ours] as const)),
);

/** Our service ids for a Graph service id or name; empty for services we do not track. */
export function ourServicesFor(graphIdOrName: string): readonly string[] {
  return BY_GRAPH.get(key(graphIdOrName)) ?? [];
}

/** Graph service ids whose status speaks for one of ours (the suite-wide entry included). */
export function graphServicesFor(ourId: string): readonly string[] {
  return GRAPH_SERVICES.filter((g) => g.ours.includes(ourId)).map((g) => g.graphId);
}

/** Whether Graph reports on this service of ours at all. */
export function graphCovers(ourId: string): boolean {
  return GRAPH_SERVICES.some((g) => g.graphId !== 'OSDPPlatform' && g.ours.includes(ourId));
}
