import { randomUUID } from 'node:crypto';
import type { PartnerCenterConfig } from '../integrationConfig.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import type { ServiceRequestDraft, Severity } from '../escalation/serviceRequest.js';
import { retryAfterFromHeaders } from '../retry.js';
import { failureOfStatus, PartnerCenterError } from './errors.js';
import { RefreshTokenSource } from './tokenSource.js';

/** Room for the labelled lines below within a few thousand characters. */
const MAX_DESCRIPTION = 4000;
const SEVERITY: Readonly<Record<Severity, 'critical' | 'moderate' | 'minimal'>> = { A: 'critical', B: 'moderate', C: 'minimal' };
/** Words a support topic's name carries for each service (Partner Center topic names are English). */
const TOPIC_WORDS: Readonly<Record<string, RegExp>> = {
  exchange: /exchange|mail/i,
  outlook: /outlook|exchange/i,
  sharepoint: /sharepoint/i,
  onedrive: /onedrive|sharepoint/i,
  teams: /teams/i,
  office: /office|microsoft 365 apps/i,
  'entra-id': /entra|active directory|identity/i,
};

export interface SupportTopic {
  readonly id: string;
  readonly name: string;
}

/** What the outbox needs from Partner Center; the real client below, nothing else, implements it in the app. */
export interface ServiceRequestApi {
  /** One attempt. `requestId` is the idempotency key (MS-RequestId): the same for every retry of one request. */
  create(draft: ServiceRequestDraft, requestId: string, localTicketId: string, signal?: AbortSignal): Promise<{ readonly id: string }>;
}

/** Chinese names are family name first; Latin ones last word last. */
function splitName(name: string): { FirstName: string; LastName: string } {
  const n = name.trim();
  if (/\s/.test(n)) {
    const parts = n.split(/\s+/);
    return { FirstName: parts.slice(0, -1).join(' '), LastName: parts.at(-1)! };
  }
  if (/^\p{Script=Han}{2,}$/u.test(n)) return { FirstName: n.slice(1), LastName: n.slice(0, 1) };
  return { FirstName: n, LastName: n };
}

/** Fields the API has no property for travel in the description, labelled in English for 21Vianet's engineers. */
export function describe(d: ServiceRequestDraft, localTicketId: string): string {
  const service = SERVICE_NAMES[d.service]?.en ?? 'Other';
  const lines = [
    d.description.length > MAX_DESCRIPTION ? `${d.description.slice(0, MAX_DESCRIPTION)}…` : d.description,
    '',
    `Service: ${service}`,
    `Severity: ${d.severity} (${SEVERITY[d.severity]})`,
    ...(d.company ? [`Customer: ${d.company}`] : []),
    ...(d.tenantId ? [`Tenant ID: ${d.tenantId}`] : []),
    ...(d.subscriptionId ? [`Subscription ID: ${d.subscriptionId}`] : []),
    ...(d.correlationId ? [`Correlation ID: ${d.correlationId}`] : []),
    ...(d.startedAt ? [`Problem started: ${d.startedAt}`] : []),
    `Contact: ${d.contactName}, ${d.contactEmail}, ${d.contactPhone}`,
    `Preferred language: ${d.preferredLanguage === 'zh-CN' ? 'Chinese (zh-CN)' : 'English'}`,
    `Reseller reference: ${localTicketId}${d.resellerTicketId ? ` (from ${d.resellerTicketId})` : ''}`,
  ];
  return lines.join('\n');
}

/**
 * Partner Center REST client for service requests: POST {endpoint}/v1/servicerequests/{agent-locale}
 * (201 with the ServiceRequest), GET {endpoint}/v1/servicerequests/supporttopics. App+User bearer token,
 * MS-RequestId for idempotent retries, a fresh MS-CorrelationId per call.
 */
export class PartnerCenterClient implements ServiceRequestApi {
  private topics?: Promise<readonly SupportTopic[]>;

  constructor(
    private readonly config: PartnerCenterConfig,
    private readonly tokens = new RefreshTokenSource(config),
    private readonly now: () => number = Date.now,
  ) {}

  async create(draft: ServiceRequestDraft, requestId: string, localTicketId: string, signal?: AbortSignal): Promise<{ id: string }> {
    const SupportTopicId = await this.topicFor(draft.service, signal);
    const locale = draft.preferredLanguage === 'zh-CN' ? 'zh-CN' : 'en-US';
    const body = {
      Title: draft.title.slice(0, 200),
      Description: describe(draft, localTicketId),
      Severity: SEVERITY[draft.severity],
      SupportTopicId,
      PrimaryContact: { ...splitName(draft.contactName), Email: draft.contactEmail, PhoneNumber: draft.contactPhone },
      CountryCode: 'CN',
      Attributes: { ObjectType: 'ServiceRequest' },
    };
    const res = await this.call('POST', `/v1/servicerequests/${locale}`, requestId, body, signal);
    const json = (await res.json().catch(() => undefined)) as { id?: unknown; Id?: unknown } | undefined;
    const id = json?.id ?? json?.Id;
    if (typeof id !== 'string' || id === '') throw new PartnerCenterError('service request created without an id', 'permanent', res.status);
    return { id };
  }

  /** The topic whose name names the service; otherwise the configured default. Cached once fetched. */
  async topicFor(service: string, signal?: AbortSignal): Promise<string> {
    const words = service.startsWith('azure') ? /azure/i : TOPIC_WORDS[service];
    let topics: readonly SupportTopic[] = [];
    if (words) {
      try {
        topics = await (this.topics ??= this.fetchTopics(signal).catch((err: unknown) => {
          this.topics = undefined;
          throw err;
        }));
      } catch (err) {
        if (!this.config.defaultSupportTopicId) throw err;
      }
    }
    const match = words ? topics.find((t) => words.test(t.name)) : undefined;
    const id = match?.id ?? this.config.defaultSupportTopicId;
    if (!id) throw new PartnerCenterError(`no support topic for ${service}; set PARTNER_CENTER_SUPPORT_TOPIC_ID`, 'permanent');
    return id;
  }

  private async fetchTopics(signal?: AbortSignal): Promise<readonly SupportTopic[]> {
    const res = await this.call('GET', '/v1/servicerequests/supporttopics', randomUUID(), undefined, signal);
    const json = (await res.json().catch(() => ({}))) as { items?: Array<{ id?: unknown; name?: unknown }> };
    return (json.items ?? []).flatMap((t) =>
      (typeof t.id === 'string' || typeof t.id === 'number') && typeof t.name === 'string' ? [{ id: String(t.id), name: t.name }] : [],
    );
  }

  private async call(method: 'GET' | 'POST', path: string, requestId: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    for (let fresh = false; ; fresh = true) {
      const token = await this.tokens.token(signal);
      const timeout = AbortSignal.timeout(this.config.timeoutMs);
      let res: Response;
      try {
        res = await fetch(`${this.config.endpoint}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            'MS-RequestId': requestId,
            'MS-CorrelationId': randomUUID(),
            'MS-Contract-Version': 'v1',
            'MS-PartnerCenter-Application': 'csp-21v-support-bot',
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (err) {
        if (signal?.aborted) throw err;
        throw new PartnerCenterError(
          timeout.aborted ? 'Partner Center timed out' : 'Partner Center unreachable',
          'transient',
          undefined,
          undefined,
          { cause: err },
        );
      }
      if (res.ok) return res;
      await res.body?.cancel().catch(() => undefined);
      if (res.status === 401 && !fresh) {
        this.tokens.invalidate();
        continue;
      }
      const retryAfterMs = retryAfterFromHeaders((name) => res.headers.get(name), this.now());
      throw new PartnerCenterError(`Partner Center answered ${res.status}`, failureOfStatus(res.status), res.status, retryAfterMs);
    }
  }
}
