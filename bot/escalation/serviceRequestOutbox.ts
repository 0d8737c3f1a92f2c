import type { Recipient } from '../proactive/notifier.js';
import type { DocumentStore } from '../storage/documentStore.js';
import { isFree, leaseFor, released, type Lease } from '../storage/lease.js';
import { updateDocument } from '../storage/updateDocument.js';
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
  /** The instance working on it now, until when: several instances share one outbox on Blob. */
  readonly claim?: Lease;
}

/** What `claim` found: the entry, and whether the caller now holds it. */
export interface Claimed {
  readonly entry: OutboxEntry;
  readonly held: boolean;
}

const INDEX = 'serviceRequests/index';
const keyOf = (ticketId: string) => `serviceRequests/${ticketId}`;

/** Service requests waiting for (or done with) Partner Center, on any DocumentStore (DATA_DIR/outbox by default). */
export class ServiceRequestOutbox {
  constructor(private readonly store: DocumentStore) {}

  /** Durable once this resolves: the entry first, then the index that lists it. */
  async add(entry: OutboxEntry): Promise<void> {
    await this.store.write({ [keyOf(entry.ticketId)]: { ...entry, eTag: '*' } });
    await updateDocument<{ ids: string[] }, void>(this.store, INDEX, (index) =>
      index?.ids.includes(entry.ticketId) ? { result: undefined } : { value: { ids: [...(index?.ids ?? []), entry.ticketId] }, result: undefined },
    );
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

  /**
   * Takes a pending entry for `owner` until `now + leaseMs`, unless another instance holds an unexpired
   * claim or `due` is false. Atomic (eTag), so of two instances draining at once only one submits and
   * tells the customer; a crashed holder's claim simply runs out.
   */
  async claim(ticketId: string, owner: string, now: number, leaseMs: number, due: (entry: OutboxEntry) => boolean = () => true): Promise<Claimed> {
    return updateDocument<OutboxEntry, Claimed>(this.store, keyOf(ticketId), (current) => {
      if (!current) throw new RangeError(`No outbox entry for ${ticketId}`);
      if (current.state !== 'pending' || !isFree(current.claim, owner, now) || !due(current)) return { result: { entry: current, held: false } };
      const entry: OutboxEntry = { ...current, claim: leaseFor(owner, now, leaseMs) };
      return { value: entry, result: { entry, held: true } };
    });
  }

  /** Applies `change` and lets go of any claim: every outcome of an attempt ends it. */
  async update(ticketId: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry> {
    return updateDocument<OutboxEntry, OutboxEntry>(this.store, keyOf(ticketId), (current) => {
      if (!current) throw new RangeError(`No outbox entry for ${ticketId}`);
      const next: OutboxEntry = released(change(current));
      return { value: next, result: next };
    });
  }
}
