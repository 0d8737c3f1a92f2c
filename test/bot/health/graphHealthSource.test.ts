import { expect } from 'chai';
import { loadConfig } from '../../../bot/config.js';
import { GraphClient } from '../../../bot/health/graphClient.js';
import { GraphHealthSource } from '../../../bot/health/graphHealthSource.js';
import type { GraphConfig } from '../../../bot/integrationConfig.js';
import { FakeGraph, graphIssue } from '../../support/fakeGraph.js';

const TENANT = '8d2f6c1e-4a5b-4c3d-9e8f-0a1b2c3d4e5f';

function graphConfig(graph: FakeGraph, timeoutMs = 2000): GraphConfig {
  const config = loadConfig({
    GRAPH_TENANT_ID: TENANT,
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_CLIENT_SECRET: graph.clientSecret,
    GRAPH_AUTHORITY_HOST: graph.url,
    GRAPH_ENDPOINT: graph.url,
    GRAPH_TIMEOUT_MS: String(timeoutMs),
  });
  return config.graph!;
}

describe('GraphHealthSource against a loopback Graph', () => {
  let graph: FakeGraph;
  let clock: number;
  const now = () => clock;
  const source = (timeoutMs?: number) => new GraphHealthSource(new GraphClient(graphConfig(graph, timeoutMs), now), { now });

  beforeEach(async () => {
    graph = new FakeGraph(TENANT);
    await graph.start();
    clock = Date.parse('2026-11-23T08:00:00Z');
    graph.healthOverviews = [
      { service: 'Exchange Online', status: 'ServiceDegradation', id: 'Exchange' },
      { service: 'Microsoft Teams', status: 'serviceOperational', id: 'microsoftteams' },
      { service: 'SharePoint Online', status: 'ServiceOperational', id: 'SharePoint' },
      { service: 'Microsoft 365 suite', status: 'ServiceOperational', id: 'OSDPPlatform' },
      { service: 'Power BI', status: 'ServiceInterruption', id: 'PowerBIcom' },
    ];
    graph.issues = [
      graphIssue('EX1001', 'Exchange Online', { title: 'Mail delays', impactDescription: 'Mail may arrive late.' }),
      graphIssue('EX0990', 'Exchange Online', { isResolved: true, status: 'ServiceRestored' }),
      graphIssue('TM2002', 'Microsoft Teams', {
        classification: 'Advisory',
        status: 'Investigating',
        startDateTime: '2026-11-23T07:00:00Z',
      }),
      graphIssue('PB3003', 'Power BI'),
      graphIssue('EX1002', 'Exchange Online', { startDateTime: '2026-11-23T07:10:00Z', status: 'restoringService' }),
    ];
  });
  afterEach(() => graph.stop());

  it('gets a client-credentials token for {graph}/.default and reads both collections across pages', async () => {
    graph.pageSize = 2;
    const [exchange, teams, sharepoint, vm] = await source().check(['exchange', 'teams', 'sharepoint', 'azure-vm']);
    expect(graph.requests[0]).to.deep.include({ method: 'POST', path: `/${TENANT}/oauth2/v2.0/token` });
    expect(graph.requests[0]!.form).to.deep.equal({
      grant_type: 'client_credentials',
      client_id: 'app-id',
      client_secret: 'app-secret',
      scope: `${graph.url}/.default`,
    });
    expect(graph.graphRequests.every((r) => r.authorization === 'Bearer token-1')).to.equal(true);
    // 5 overviews and 5 issues at 2 per page: 3 pages each.
    expect(graph.graphRequests.map((r) => r.path).filter((p) => p.includes('issues'))).to.have.length(3);

    expect(exchange!.status).to.equal('serviceDegradation');
    // Newest first; the resolved one is not listed; the last page's issue is there.
    expect(exchange!.issues.map((i) => i.id)).to.deep.equal(['EX1002', 'EX1001']);
    expect(exchange!.issues[1]).to.deep.equal({
      id: 'EX1001',
      service: 'exchange',
      classification: 'incident',
      status: 'serviceDegradation',
      title: 'Mail delays',
      impact: 'Mail may arrive late.',
      startTime: '2026-11-23T06:30:00Z',
      lastUpdate: '2026-11-23T07:45:00Z',
      resolved: false,
      origin: 'graph',
    });
    expect(teams).to.deep.include({ status: 'serviceOperational' });
    expect(teams!.issues.map((i) => [i.id, i.classification, i.status])).to.deep.equal([['TM2002', 'advisory', 'investigating']]);
    expect(sharepoint).to.deep.equal({ service: 'sharepoint', status: 'serviceOperational', issues: [] });
    // Azure is not in the Microsoft 365 service communications API: unknown, not healthy.
    expect(vm).to.deep.equal({ service: 'azure-vm', status: 'unknown', issues: [] });
  });

  it('caches results for 60 s and the token until shortly before it expires', async () => {
    const s = source();
    await s.check(['exchange']);
    const first = graph.graphRequests.length;
    clock += 59_000;
    graph.healthOverviews[0] = { service: 'Exchange Online', status: 'ServiceOperational', id: 'Exchange' };
    expect((await s.check(['exchange']))[0]!.status).to.equal('serviceDegradation', 'still the cached answer');
    expect(graph.graphRequests.length).to.equal(first);

    clock += 2_000;
    expect((await s.check(['exchange']))[0]!.status).to.equal('serviceOperational');
    expect(graph.graphRequests.length).to.equal(first * 2);
    expect(graph.tokenRequests).to.equal(1, 'the token is reused');

    clock += 3600_000; // past the token's lifetime
    await s.check(['exchange']);
    expect(graph.tokenRequests).to.equal(2);
  });

  it('a 401 gets one new token and the request is retried', async () => {
    const s = source();
    graph.fail('401');
    const [exchange] = await s.check(['exchange']);
    expect(exchange!.status).to.equal('serviceDegradation');
    expect(graph.tokenRequests).to.equal(2);
    expect(graph.graphRequests.some((r) => r.authorization === 'Bearer token-2')).to.equal(true);
  });

  it('a 500 makes every covered service unknown, and the failure is not cached', async () => {
    const s = source();
    graph.fail('500');
    const reports = await s.check(['exchange', 'teams']);
    expect(reports.map((r) => r.status)).to.deep.equal(['unknown', 'unknown']);
    expect(reports.every((r) => r.issues.length === 0)).to.equal(true);
    expect((await s.issue('EX1001')).kind).to.equal('found', 'Graph answers again: asked afresh, not served the failure');
    expect((await s.check(['exchange']))[0]!.status).to.equal('serviceDegradation');
  });

  it('a hanging response times out as unknown', async function () {
    this.timeout(10_000);
    graph.fail('hang', 'hang');
    const reports = await source(300).check(['exchange', 'teams']);
    expect(reports.map((r) => r.status)).to.deep.equal(['unknown', 'unknown']);
  });

  it('a hanging token endpoint times out as unknown too', async function () {
    this.timeout(10_000);
    graph.hangTokens = true;
    expect((await source(300).check(['teams']))[0]!.status).to.equal('unknown');
    expect(graph.graphRequests).to.deep.equal([]);
  });

  it('a token endpoint that refuses the secret means unknown', async () => {
    const s = new GraphHealthSource(new GraphClient({ ...graphConfig(graph), clientSecret: 'wrong' }, now), { now });
    expect((await s.check(['exchange']))[0]!.status).to.equal('unknown');
    expect(graph.graphRequests).to.deep.equal([]);
  });

  it('never follows a nextLink to another host with the token', async () => {
    const other = new FakeGraph(TENANT);
    await other.start();
    try {
      graph.pageSize = 1;
      graph.nextLinkBase = other.url;
      expect((await source().check(['exchange']))[0]!.status).to.equal('unknown');
      expect(other.requests).to.deep.equal([]);
    } finally {
      await other.stop();
    }
  });

  it('looks up one issue: found (resolved or not), gone, or unknown when Graph fails', async () => {
    const s = source();
    const restored = await s.issue('EX0990');
    expect(restored.kind === 'found' && [restored.issue.resolved, restored.issue.status]).to.deep.equal([true, 'serviceRestored']);
    const open = await s.issue('EX1001');
    expect(open.kind === 'found' && open.issue.resolved).to.equal(false);
    expect(await s.issue('NOPE1')).to.deep.equal({ kind: 'gone' });
    clock += 61_000;
    graph.fail('500');
    expect(await s.issue('EX1001')).to.deep.equal({ kind: 'unknown' });
  });

  it('a suite-wide issue shows on every Microsoft 365 service; Outlook follows Exchange', async () => {
    graph.issues.push(graphIssue('MO4004', 'Microsoft 365 suite', { title: 'Sign-in is slow' }));
    graph.healthOverviews[3] = { service: 'Microsoft 365 suite', status: 'ServiceInterruption', id: 'OSDPPlatform' };
    const [outlook, sharepoint] = await source().check(['outlook', 'sharepoint']);
    expect(outlook!.status).to.equal('serviceInterruption');
    expect(outlook!.issues.map((i) => i.id)).to.include.members(['EX1001', 'EX1002', 'MO4004']);
    expect(sharepoint!.issues.map((i) => i.id)).to.deep.equal(['MO4004']);
    expect(sharepoint!.status).to.equal('serviceInterruption');
  });
});
