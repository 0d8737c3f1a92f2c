/**
 * Who is working on a shared item, and until when. Several instances drain the same queues on Blob;
 * the one holding an item's lease sends it, and a holder that crashed lets it go when the time runs out.
 */
export interface Lease {
  readonly by: string;
  readonly until: string;
}

/** Long enough for any attempt series, short enough that a crashed holder blocks little. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

export function leaseFor(owner: string, now: number, leaseMs: number): Lease {
  return { by: owner, until: new Date(now + leaseMs).toISOString() };
}

/** Free for `owner`: nobody holds it, `owner` already does, or the holder's time has run out. */
export function isFree(lease: Lease | undefined, owner: string, now: number): boolean {
  return lease === undefined || lease.by === owner || Date.parse(lease.until) <= now;
}

/** The item with its lease let go (the lease is optional, so it is still a T). */
export function released<T extends { readonly claim?: Lease }>({ claim: _claim, ...item }: T): T {
  return item as T;
}
