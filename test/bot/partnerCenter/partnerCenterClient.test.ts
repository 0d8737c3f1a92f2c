import { expect } from 'chai';
import type { ServiceRequestDraft } from '../../../bot/escalation/serviceRequest.js';
import { PARTNER_CENTER_RETRY, PartnerCenterError } from '../../../bot/partnerCenter/errors.js';
import { PartnerCenterClient } from '../../../bot/partnerCenter/partnerCenterClient.js';
import { RefreshTokenSource } from '../../../bot/partnerCenter/tokenSource.js';
import { backoffDelay, parseRetryAfter, withRetry, type RetryOptions } from '../../../bot/retry.js';
import { FakePartnerCenter } from '../../support/fakePartnerCenter.js';

const REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const draft: ServiceRequestDraft = {
  title: 'Outlook 无法发送邮件',
  description: '从今天上午开始，全公司 Outlook 都无法发送邮件，报错 5.7.1。',
  service: 'exchange',
  severity: 'A',
  contactName: '王磊',
  contactEmail: 'wang.lei@fabrikam.cn',
  contactPhone: '13812345678',
  preferredLanguage: 'zh-CN',
  tenantId: '6f1c0a3e-2b7d-4c1e-9a0b-000000000001',
  correlationId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  startedAt: '2026-11-23T01:30:00.000Z',
  company: 'Fabrikam',
  customerId: 'c-fabrikam',
};

/** Records the waits instead of waiting, so the tests take no time and assert what was honoured. */
function fakeRetry(overrides: Partial<RetryOptions> = {}): RetryOptions & { waits: number[] } {
  const waits: number[] = [];
  let clock = 0;
  return {
    ...PARTNER_CENTER_RETRY,
    waits,
    maxAttempts: 4,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    budgetMs: 600_000,
    random: () => 0.5,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    ...overrides,
  };
}

describe('Partner Center client (against a loopback Partner Center)', () => {
  let pc: FakePartnerCenter;
  beforeEach(async () => {
    pc = new FakePartnerCenter();
    await pc.start();
  });
  afterEach(() => pc.close());

  it('redeems the refresh token, then POSTs the service request with the documented headers and fields (201)', async () => {
    const client = new PartnerCenterClient(pc.config());
    const { id } = await client.create(draft, REQUEST_ID, 'T-1025');
    expect(id).to.equal('616122292874576');

    const token = pc.calls.find((c) => c.path.endsWith('/oauth2/v2.0/token'))!;
    expect(token.path).to.equal('/partner.partner.onmschina.cn/oauth2/v2.0/token');
    const form = new URLSearchParams(token.body);
    expect(Object.fromEntries(form)).to.deep.include({
      grant_type: 'refresh_token',
      refresh_token: 'rt-initial',
      client_id: 'app-id',
      scope: 'https://partner.partnercenterapi.microsoftonline.cn/.default',
    });

    const post = pc.posts[0]!;
    expect(post.path).to.equal('/v1/servicerequests/zh-CN');
    expect(post.headers.authorization).to.equal('Bearer at-1');
    expect(post.headers['ms-requestid']).to.equal(REQUEST_ID);
    expect(post.headers['ms-correlationid'])
      .to.match(/^[0-9a-f-]{36}$/)
      .and.not.equal(REQUEST_ID);
    expect(post.headers['ms-contract-version']).to.equal('v1');
    expect(post.headers['content-type']).to.equal('application/json');
    const body = JSON.parse(post.body) as Record<string, unknown>;
    expect(body).to.deep.include({ Title: draft.title, Severity: 'critical', SupportTopicId: '32444671', CountryCode: 'CN' });
    expect(body.PrimaryContact).to.deep.equal({
      FirstName: '磊',
      LastName: '王',
      Email: 'wang.lei@fabrikam.cn',
      PhoneNumber: '13812345678',
    });
    expect(body.Description)
      .to.include(draft.description)
      .and.include('Tenant ID: 6f1c0a3e-2b7d-4c1e-9a0b-000000000001')
      .and.include('Correlation ID: 1b4e28ba')
      .and.include('Reseller reference: T-1025');
  });

  it('maps B and C to moderate and minimal, and an English request to en-US', async () => {
    const client = new PartnerCenterClient(pc.config());
    await client.create({ ...draft, severity: 'B', preferredLanguage: 'en', contactName: 'Emily Chen' }, REQUEST_ID, 'T-1');
    await client.create({ ...draft, severity: 'C' }, '1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'T-2');
    const [b, c] = pc.posts.map((p) => JSON.parse(p.body) as { Severity: string; PrimaryContact: unknown });
    expect([b!.Severity, c!.Severity]).to.deep.equal(['moderate', 'minimal']);
    expect(b!.PrimaryContact).to.deep.include({ FirstName: 'Emily', LastName: 'Chen' });
    expect(pc.posts[0]!.path).to.equal('/v1/servicerequests/en-US');
  });

  it('uses the configured topic when no Partner Center topic names the service, and refuses without one', async () => {
    await new PartnerCenterClient(pc.config({ defaultSupportTopicId: '999' })).create({ ...draft, service: 'other' }, REQUEST_ID, 'T-1');
    expect((JSON.parse(pc.posts[0]!.body) as { SupportTopicId: string }).SupportTopicId).to.equal('999');
    const err = await new PartnerCenterClient(pc.config())
      .create({ ...draft, service: 'other' }, REQUEST_ID, 'T-1')
      .catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PartnerCenterError).with.property('failure', 'permanent');
  });

  it('429 then 201: waits at least Retry-After, retries with the same MS-RequestId, and one request exists', async () => {
    pc.faults.push({ status: 429, retryAfter: '7' });
    const client = new PartnerCenterClient(pc.config());
    const retry = fakeRetry();
    const { id } = await withRetry(() => client.create(draft, REQUEST_ID, 'T-1'), retry);
    expect(retry.waits).to.have.length(1);
    expect(retry.waits[0]).to.be.at.least(7000);
    expect(pc.posts.map((p) => p.headers['ms-requestid'])).to.deep.equal([REQUEST_ID, REQUEST_ID]);
    expect(pc.created.size).to.equal(1);
    expect(id).to.equal(pc.created.get(REQUEST_ID)!.id);
  });

  it('500s: backs off exponentially with jitter, gives up after the attempts as transient, never creating anything', async () => {
    for (let i = 0; i < 4; i++) pc.faults.push({ status: 500 });
    const retry = fakeRetry({ random: () => 1 });
    const client = new PartnerCenterClient(pc.config());
    const err = await withRetry(() => client.create(draft, REQUEST_ID, 'T-1'), retry).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PartnerCenterError).with.property('failure', 'transient');
    expect((err as PartnerCenterError).code).to.equal('http_500');
    expect(pc.posts).to.have.length(4);
    expect(retry.waits).to.deep.equal([1000, 2000, 4000]);
    expect(pc.created.size).to.equal(0);
  });

  it('a 503 Retry-After longer than the budget ends the loop and reports the wait to the caller', async () => {
    pc.faults.push({ status: 503, retryAfter: '120' });
    const err = await withRetry(
      () => new PartnerCenterClient(pc.config()).create(draft, REQUEST_ID, 'T-1'),
      fakeRetry({ budgetMs: 10_000 }),
    ).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PartnerCenterError).with.property('retryAfterMs', 120_000);
    expect(pc.posts).to.have.length(1);
  });

  it('a timeout is retried with the same MS-RequestId: the request created by the lost attempt is returned, not duplicated', async () => {
    pc.faults.push('hang');
    const client = new PartnerCenterClient(pc.config({ timeoutMs: 300 }));
    const retry = fakeRetry();
    const { id } = await withRetry(() => client.create(draft, REQUEST_ID, 'T-1'), retry);
    expect(pc.posts).to.have.length(2);
    expect(pc.created.size).to.equal(1);
    expect(id).to.equal(pc.created.get(REQUEST_ID)!.id);
  });

  it('a business failure (400) is permanent and not retried', async () => {
    pc.faults.push({ status: 400 });
    const retry = fakeRetry();
    const err = await withRetry(() => new PartnerCenterClient(pc.config()).create(draft, REQUEST_ID, 'T-1'), retry).catch(
      (e: unknown) => e,
    );
    expect(err).to.be.instanceOf(PartnerCenterError).with.property('failure', 'permanent');
    expect(pc.posts).to.have.length(1);
    expect(retry.waits).to.deep.equal([]);
  });

  it('a refused refresh token is an auth failure for the operator; a 401 from the API gets one fresh token', async () => {
    pc.tokenFailure = 400;
    const err = await new PartnerCenterClient(pc.config()).create(draft, REQUEST_ID, 'T-1').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PartnerCenterError).with.property('failure', 'auth');
    pc.tokenFailure = undefined;

    let clock = 0;
    const tokens = new RefreshTokenSource(pc.config(), () => clock);
    const client = new PartnerCenterClient(pc.config(), tokens);
    await client.create(draft, REQUEST_ID, 'T-1');
    clock += 3_600_000; // expired: the rotated refresh token is used for the next one
    await client.create(draft, '1b4e28ba-2fa1-11d2-883f-0016d3cca427', 'T-2');
    pc.revoked.add('at-2');
    await client.create(draft, '2c5f39cb-3fa1-11d2-883f-0016d3cca427', 'T-3');
    expect(pc.posts.map((p) => [p.headers.authorization, p.headers['ms-requestid']])).to.deep.equal([
      ['Bearer at-1', REQUEST_ID],
      ['Bearer at-2', '1b4e28ba-2fa1-11d2-883f-0016d3cca427'],
      ['Bearer at-2', '2c5f39cb-3fa1-11d2-883f-0016d3cca427'],
      ['Bearer at-3', '2c5f39cb-3fa1-11d2-883f-0016d3cca427'],
    ]);
    expect(pc.created.size).to.equal(3);
    const redeemed = pc.calls.filter((c) => c.path.endsWith('/token')).map((c) => new URLSearchParams(c.body).get('refresh_token'));
    // The refused attempt, then the second client: configured token, then each rotated one.
    expect(redeemed).to.deep.equal(['rt-initial', 'rt-initial', 'rt-1', 'rt-2']);
  });

  it('reads Retry-After as seconds or an HTTP date, and caps the backoff', () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 08:00:10 GMT', now)).to.equal(10_000);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(backoffDelay(10, { baseDelayMs: 1000, maxDelayMs: 30_000, random: () => 1 })).to.equal(30_000);
    expect(backoffDelay(2, { baseDelayMs: 1000, maxDelayMs: 30_000, random: () => 0.25 })).to.equal(500);
  });
});
