import { errorFields, type Logger } from '../log.js';
import { toIssue, type HealthNotices } from './healthNotices.js';
import { worse, type HealthSource, type IssueLookup, type ServiceHealthReport } from './types.js';

const newestFirst = (a: { startTime: string }, b: { startTime: string }) => b.startTime.localeCompare(a.startTime);

/** The reseller's own incidents (`npm run health`). A broken record reads as unknown, not healthy. */
export class EmbeddedHealthSource implements HealthSource {
  constructor(
    private readonly file: HealthNotices,
    private readonly logger?: Logger,
  ) {}

  async check(services: readonly string[]): Promise<ServiceHealthReport[]> {
    let incidents;
    try {
      incidents = (await this.file.read()).incidents;
    } catch (err) {
      this.logger?.warn('health_file_unreadable', { ...errorFields(err) });
      return services.map((service) => ({ service, status: 'unknown', issues: [] }));
    }
    return services.map((service) => {
      const issues = incidents
        .filter((i) => i.service === service && i.endTime === undefined)
        .map(toIssue)
        .sort(newestFirst);
      return {
        service,
        status: issues.reduce((s, i) => worse(s, i.status), 'serviceOperational' as const as ServiceHealthReport['status']),
        issues,
      };
    });
  }

  async issue(id: string): Promise<IssueLookup> {
    try {
      const found = (await this.file.read()).incidents.find((i) => i.id === id);
      return found ? { kind: 'found', issue: toIssue(found) } : { kind: 'gone' };
    } catch {
      return { kind: 'unknown' };
    }
  }
}
