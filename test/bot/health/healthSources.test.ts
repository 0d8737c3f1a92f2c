import { expect } from 'chai';
import { join } from 'node:path';
import { incidentCard, issueViews } from '../../../bot/cards/incidentCard.js';
import { chinaTime } from '../../../bot/health/chinaTime.js';
import { CombinedHealthSource } from '../../../bot/health/combinedHealthSource.js';
import { graphCovers, graphServicesFor, ourServicesFor } from '../../../bot/health/graphServiceMap.js';
import type { HealthIssue, HealthSource, IssueLookup, ServiceHealthReport } from '../../../bot/health/types.js';
import { toHealthStatus, worse } from '../../../bot/health/types.js';
import { messages } from '../../../bot/i18n/messages.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { SERVICE_NAMES } from '../../../bot/nlu/serviceNames.js';

const issue = (id: string, service: string, fields: Partial<HealthIssue> = {}): HealthIssue => ({
  id,
  service,
  classification: 'incident',
  status: 'serviceDegradation',
  title: `Issue ${id}`,
  impact: '',
  startTime: '2026-11-23T08:00:00Z',
  lastUpdate: '2026-11-23T08:00:00Z',
  resolved: false,
  origin: 'graph',
  ...fields,
});

/** Fixed reports per service. */
class FixedSource implements HealthSource {
  constructor(
    private readonly reports: Record<string, Omit<ServiceHealthReport, 'service'>>,
    private readonly lookups: Record<string, IssueLookup> = {},
  ) {}
  async check(services: readonly string[]): Promise<ServiceHealthReport[]> {
    return services.map((service) => ({ service, ...(this.reports[service] ?? { status: 'unknown', issues: [] }) }));
  }
  async issue(id: string): Promise<IssueLookup> {
    return this.lookups[id] ?? { kind: 'gone' };
  }
}

describe('Graph service names and our service ids', () => {
  it('map both ways, by Graph id or name, case-insensitively', () => {
    expect(ourServicesFor('Exchange')).to.deep.equal(['exchange', 'outlook']);
    expect(ourServicesFor('exchange online')).to.deep.equal(['exchange', 'outlook']);
    expect(ourServicesFor('microsoftteams')).to.deep.equal(['teams']);
    expect(ourServicesFor('Microsoft Teams')).to.deep.equal(['teams']);
    expect(ourServicesFor('OneDrive for Business')).to.deep.equal(['onedrive']);
    expect(ourServicesFor('Identity Service')).to.deep.equal(['entra-id']);
    expect(ourServicesFor('Power BI')).to.deep.equal([]);
    expect(graphServicesFor('outlook')).to.deep.equal(['Exchange', 'OSDPPlatform']);
    expect(graphServicesFor('azure-vm')).to.deep.equal([]);
    for (const id of Object.keys(SERVICE_NAMES)) {
      // Every Microsoft 365 service of ours round-trips through Graph; Azure is not Graph's.
      expect(graphCovers(id), id).to.equal(!id.startsWith('azure-'));
      for (const g of graphServicesFor(id)) expect(ourServicesFor(g), `${id} via ${g}`).to.include(id);
    }
  });
});

describe('health statuses', () => {
  it('reads Graph casing, treats anything new as unknown, and ranks problems above unknown above fine', () => {
    expect(toHealthStatus('ServiceOperational')).to.equal('serviceOperational');
    expect(toHealthStatus('extendedRecovery')).to.equal('extendedRecovery');
    expect(toHealthStatus('unknownFutureValue')).to.equal('unknown');
    expect(toHealthStatus(undefined)).to.equal('unknown');
    expect(worse('serviceOperational', 'unknown')).to.equal('unknown');
    expect(worse('unknown', 'investigating')).to.equal('investigating');
    expect(worse('serviceInterruption', 'serviceDegradation')).to.equal('serviceInterruption');
    expect(worse('serviceRestored', 'serviceOperational')).to.equal('serviceRestored');
  });

  it('China Standard Time is UTC+8 whatever the server runs in', () => {
    expect(chinaTime('2026-11-23T16:30:00Z')).to.equal('2026-11-24 00:30');
    expect(chinaTime('2026-06-01T00:00:00-07:00')).to.equal('2026-06-01 15:00');
    expect(chinaTime('not a time')).to.equal('');
  });
});

describe('CombinedHealthSource', () => {
  it('Graph and the reseller file together: the worse status wins, issues from both, Azure from the file only', async () => {
    const graph = new FixedSource({
      exchange: { status: 'serviceOperational', issues: [issue('EX1', 'exchange')] },
      teams: { status: 'unknown', issues: [] },
    });
    const file = new FixedSource({
      exchange: {
        status: 'investigating',
        issues: [issue('INC-1001', 'exchange', { origin: 'reseller', startTime: '2026-11-23T09:00:00Z', status: 'investigating' })],
      },
      teams: { status: 'serviceOperational', issues: [] },
      'azure-vm': { status: 'serviceOperational', issues: [] },
    });
    const [exchange, teams, vm] = await new CombinedHealthSource(graph, file).check(['exchange', 'teams', 'azure-vm']);
    expect(exchange!.status).to.equal('investigating');
    expect(exchange!.issues.map((i) => i.id)).to.deep.equal(['INC-1001', 'EX1']);
    expect(teams!.status).to.equal('unknown', 'the file saying fine does not cover for Graph failing');
    expect(vm!.status).to.equal('serviceOperational');
  });

  it('finds an issue in either source; unknown only when neither found it and one could not answer', async () => {
    const found: IssueLookup = { kind: 'found', issue: issue('EX1', 'exchange') };
    expect(await new CombinedHealthSource(new FixedSource({}, { EX1: found }), new FixedSource({})).issue('EX1')).to.equal(found);
    expect(await new CombinedHealthSource(new FixedSource({}, { X: { kind: 'unknown' } }), new FixedSource({})).issue('X')).to.deep.equal({
      kind: 'unknown',
    });
    expect(await new CombinedHealthSource(new FixedSource({}), new FixedSource({})).issue('X')).to.deep.equal({ kind: 'gone' });
  });
});

describe('incident card', () => {
  it('is Adaptive Card 1.5, merges an issue reported for several services, and shows at most five', () => {
    const views = issueViews([
      issue('MO1', 'exchange'),
      issue('MO1', 'teams'),
      ...[2, 3, 4, 5, 6, 7].map((n) => issue(`EX${n}`, 'exchange')),
    ]);
    expect(views[0]!.services).to.deep.equal(['exchange', 'teams']);
    const m = messages('en');
    const card = incidentCard(m, views).content as { version: string; body: Array<{ type: string; items?: unknown[]; text?: string }> };
    expect(card.version).to.equal('1.5');
    expect(card.body.filter((b) => b.type === 'Container')).to.have.length(5);
    expect(card.body.at(-1)!.text).to.equal(m.health.moreIssues(2));
    expect(JSON.stringify(card)).to.include(`${m.health.serviceName('exchange')}, ${m.health.serviceName('teams')}`);
  });
});

describe('the slow-service article the health checks walk through', () => {
  it('starts with the incident check, which the dialog skips because it has just done it', async () => {
    const { articles } = await loadKnowledge(join(import.meta.dirname, '../../../knowledge/articles'));
    const en = articles.find((a) => a.id === 'performance/slow-service-troubleshooting' && a.locale === 'en')!;
    const zh = articles.find((a) => a.id === 'performance/slow-service-troubleshooting' && a.locale === 'zh-CN')!;
    expect(en.steps[0]).to.match(/incident|service status/i);
    expect(zh.steps[0]).to.match(/故障|服务状态/);
    expect(en.steps.length).to.be.greaterThan(2);
  });
});
