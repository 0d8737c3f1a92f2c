import { errorFields, type Logger } from '../log.js';
import { graphCovers, graphServicesFor, ourServicesFor } from './graphServiceMap.js';
import {
  toHealthStatus,
  worse,
  type HealthIssue,
  type HealthSource,
  type HealthStatus,
  type IssueLookup,
  type ServiceHealthReport,
} from './types.js';

/** The part of GraphClient this source uses. */
export interface GraphReader {
  getAll<T>(path: string): Promise<T[]>;
}

/** microsoft.graph.serviceHealth, as much as we read of it. */
interface GraphServiceHealth {
  readonly id?: unknown;
  readonly service?: unknown;
  readonly status?: unknown;
}

/** microsoft.graph.serviceHealthIssue, as much as we read of it. */
interface GraphIssue {
  readonly id?: unknown;
  readonly service?: unknown;
  readonly classification?: unknown;
  readonly status?: unknown;
  readonly title?: unknown;
  readonly impactDescription?: unknown;
  readonly startDateTime?: unknown;
  readonly lastModifiedDateTime?: unknown;
  readonly isResolved?: unknown;
}

interface Snapshot {
  /** Graph service id (lowercase) -> status. */
  readonly statuses: ReadonlyMap<string, HealthStatus>;
  readonly issues: readonly HealthIssue[];
}

export const GRAPH_CACHE_MS = 60_000;
const SUITE = 'osdpplatform';
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** One Graph issue as ours, once per service of ours it touches. */
function toIssues(g: GraphIssue): HealthIssue[] {
  const id = text(g.id);
  if (id === '') return [];
  return ourServicesFor(text(g.service)).map((service) => ({
    id,
    service,
    classification: text(g.classification).toLowerCase() === 'advisory' ? 'advisory' : 'incident',
    status: toHealthStatus(g.status),
    title: text(g.title),
    impact: text(g.impactDescription),
    startTime: text(g.startDateTime),
    lastUpdate: text(g.lastModifiedDateTime) || text(g.startDateTime),
    resolved: g.isResolved === true,
    origin: 'graph',
  }));
}

/**
 * Service health from the Graph service communications API (healthOverviews and issues), cached for a
 * minute. A failed or slow Graph makes every service it covers `unknown`; it is never read as healthy.
 */
export class GraphHealthSource implements HealthSource {
  private cached?: { readonly at: number; readonly snapshot: Snapshot };
  private inFlight?: Promise<Snapshot | undefined>;

  constructor(
    private readonly graph: GraphReader,
    private readonly options: { readonly now?: () => number; readonly logger?: Logger; readonly cacheMs?: number } = {},
  ) {}

  async check(services: readonly string[]): Promise<ServiceHealthReport[]> {
    const snap = await this.snapshot();
    return services.map((service) => {
      if (!snap || !graphCovers(service)) return { service, status: 'unknown', issues: [] };
      const ids = graphServicesFor(service).map((g) => g.toLowerCase());
      const own = ids.filter((g) => g !== SUITE && snap.statuses.has(g));
      // The tenant does not list the service at all: we cannot say it is fine.
      if (own.length === 0) return { service, status: 'unknown', issues: [] };
      const status = ids.reduce<HealthStatus>((s, g) => (snap.statuses.has(g) ? worse(s, snap.statuses.get(g)!) : s), 'serviceOperational');
      const issues = snap.issues.filter((i) => i.service === service && !i.resolved).sort((a, b) => b.startTime.localeCompare(a.startTime));
      return { service, status, issues };
    });
  }

  async issue(id: string): Promise<IssueLookup> {
    const snap = await this.snapshot();
    if (!snap) return { kind: 'unknown' };
    const found = snap.issues.find((i) => i.id === id);
    return found ? { kind: 'found', issue: found } : { kind: 'gone' };
  }

  private async snapshot(): Promise<Snapshot | undefined> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < (this.options.cacheMs ?? GRAPH_CACHE_MS)) return this.cached.snapshot;
    // Turns asking at the same moment share one round of requests. Failures are not cached.
    this.inFlight ??= this.load(now).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async load(now: number): Promise<Snapshot | undefined> {
    try {
      const [overviews, issues] = await Promise.all([
        this.graph.getAll<GraphServiceHealth>('/admin/serviceAnnouncement/healthOverviews'),
        this.graph.getAll<GraphIssue>('/admin/serviceAnnouncement/issues'),
      ]);
      const statuses = new Map<string, HealthStatus>();
      for (const o of overviews) if (text(o.id) !== '') statuses.set(text(o.id).toLowerCase(), toHealthStatus(o.status));
      const snapshot: Snapshot = { statuses, issues: issues.flatMap(toIssues) };
      this.cached = { at: now, snapshot };
      return snapshot;
    } catch (err) {
      this.options.logger?.warn('graph_health_failed', { ...errorFields(err) });
      return undefined;
    }
  }
}
