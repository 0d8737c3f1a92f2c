import { graphCovers } from './graphServiceMap.js';
import { worse, type HealthSource, type IssueLookup, type ServiceHealthReport } from './types.js';

/**
 * Graph for the Microsoft 365 services it covers, together with the reseller's own incidents for every
 * service (Azure, or a local problem Graph does not show). A service is only as healthy as both say.
 */
export class CombinedHealthSource implements HealthSource {
  constructor(
    private readonly graph: HealthSource,
    private readonly embedded: HealthSource,
  ) {}

  async check(services: readonly string[]): Promise<ServiceHealthReport[]> {
    const covered = services.filter(graphCovers);
    const [fromGraph, fromFile] = await Promise.all([this.graph.check(covered), this.embedded.check(services)]);
    return fromFile.map((own) => {
      const g = fromGraph.find((r) => r.service === own.service);
      if (!g) return own;
      const issues = [...g.issues, ...own.issues].sort((a, b) => b.startTime.localeCompare(a.startTime));
      return { service: own.service, status: worse(g.status, own.status), issues };
    });
  }

  async issue(id: string): Promise<IssueLookup> {
    const [own, g] = await Promise.all([this.embedded.issue(id), this.graph.issue(id)]);
    if (own.kind === 'found') return own;
    if (g.kind === 'found') return g;
    return own.kind === 'unknown' || g.kind === 'unknown' ? { kind: 'unknown' } : { kind: 'gone' };
  }
}
