import { BadInputError } from '../errors.js';
import type { Recipient } from '../proactive/notifier.js';
import { withoutETag, type DocumentStore } from '../store/documentStore.js';
import { isFree, leaseFor, released, type Lease } from '../store/lease.js';
import { updateDocument } from '../store/updateDocument.js';
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

const PREFIX = 'serviceRequests/';
const keyOf = (ticketId: string) => `${PREFIX}${ticketId}`;

/** Service requests waiting for (or done with) Partner Center, on any DocumentStore (DATA_DIR/outbox by default). */
export class ServiceRequestOutbox {
  constructor(private readonly store: DocumentStore) {}

  /** Durable once this resolves. */
  async add(entry: OutboxEntry): Promise<void> {
    await this.store.write({ [keyOf(entry.ticketId)]: { ...entry, eTag: '*' } });
  }

  async get(ticketId: string): Promise<OutboxEntry | undefined> {
    const doc = (await this.store.read([keyOf(ticketId)]))[keyOf(ticketId)];
    return doc ? withoutETag<OutboxEntry>(doc) : undefined;
  }

  async list(): Promise<OutboxEntry[]> {
    const keys = (await this.store.list(PREFIX)).map((k) => k.key);
    const found = await this.store.read(keys);
    return keys.filter((k) => found[k]).map((k) => withoutETag<OutboxEntry>(found[k]!));
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
  async claim(
    ticketId: string,
    owner: string,
    now: number,
    leaseMs: number,
    due: (entry: OutboxEntry) => boolean = () => true,
  ): Promise<Claimed> {
    return updateDocument<OutboxEntry, Claimed>(this.store, keyOf(ticketId), (current) => {
      if (!current) throw new BadInputError(`No outbox entry for ${ticketId}`);
      if (current.state !== 'pending' || !isFree(current.claim, owner, now) || !due(current))
        return { result: { entry: current, held: false } };
      const entry: OutboxEntry = { ...current, claim: leaseFor(owner, now, leaseMs) };
      return { value: entry, result: { entry, held: true } };
    });
  }

  /** Applies `change` and lets go of any claim: every outcome of an attempt ends it. */
  async update(ticketId: string, change: (entry: OutboxEntry) => OutboxEntry): Promise<OutboxEntry> {
    return updateDocument<OutboxEntry, OutboxEntry>(this.store, keyOf(ticketId), (current) => {
      if (!current) throw new BadInputError(`No outbox entry for ${ticketId}`);
      const next: OutboxEntry = released(change(current));
      return { value: next, result: next };
    });
  }
}
