import type { Recipient } from '../proactive/notifier.js';
import type { DocumentStore } from '../storage/documentStore.js';
import { updateDocument } from '../storage/documentUpdate.js';
import type { ServiceRequestDraft } from './serviceRequest.js';

/**
 * `pending`: to be submitted to Partner Center; `submitted`: it has an id there; `failed`: Partner Center
 * refused it for good (the reseller files it by hand); `manual`: no Partner Center configured.
 */
export type OutboxState = 'pending' | 'submitted' | 'failed' | 'manual';

export interface OutboxEntry extends Record<string, unknown> {
  /** The local 21vianet ticket. */
  readonly ticketId: string;
  readonly draft: ServiceRequestDraft;
  /** MS-RequestId: fixed when queued, so every retry, even after a restart, is the same request. */
  readonly requestId: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly partnerCenterId?: string;
  /** A short code (http_500, network, auth), never a response body. */
  readonly lastError?: string;
  /** Who to tell when a queued request goes through or fails later. */
  readonly requester?: Recipient;
}

const INDEX = 'serviceRequests/index';
const keyOf = (ticketId: string) => `serviceRequests/${ticketId}`;

/** Service requests waiting for (or done with) Partner Center, on any DocumentStore (DATA_DIR/outbox by default). */
export class ServiceRequestOutbox {
  constructor(private readonly store: DocumentStore) {}

  /** Durable once this resolves: the entry first, then the index that lists it. */
  async add(entry: OutboxEntry): Promise<void> {
    await this.store.write({ [keyOf(entry.ticketId)]: { ...entry, eTag: '*' } });
    await updateDocument<{ ids: string[] }>(this.store, INDEX, (index) => ({ ids: [...new Set([...(index?.ids ?? []), entry.ticketId])] }));
  }

  async get(ticketId: string): Promise<OutboxEntry | undefined> {
    const doc = (await this.store.read([keyOf(ticketId)]))[keyOf(ticketId)];
    if (!doc) return undefined;
    const { eTag: _eTag, ...entry } = doc;
    return entry as OutboxEntry;
  }

  async list(): Promise<OutboxEntry[]> {
    const index = (await this.store.read([INDEX]))[INDEX] as { ids?: string[] } | undefined;
    const entries = await Promise.all((index?.ids ?? []).map((id) => this.get(id)));
    return entries.filter((e): e is OutboxEntry => e !== undefined);
  }

  /** Pending entries whose next attempt is due. */
  async due(now: Date): Promise<OutboxEntry[]> {
    return (await this.list()).filter((e) => e.state === 'pending' && Date.parse(e.nextAttemptAt) <= now.getTime());
  }

  async update(ticketId: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry> {
    return updateDocument<OutboxEntry>(this.store, keyOf(ticketId), (current) => {
      if (!current) throw new RangeError(`No outbox entry for ${ticketId}`);
      return change(current);
    });
  }
}
