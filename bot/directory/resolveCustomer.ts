import type { CustomerDirectory } from './customerDirectory.js';
import type { Contact, Customer, CustomerRef } from './types.js';

/** What the bot knows about who is asking. */
export type Resolution =
  | { readonly status: 'identified'; readonly customer: Customer; readonly contact: Contact }
  /** Teams tenant that is not a customer of this reseller. */
  | { readonly status: 'unknownTenant' }
  /** A customer's tenant, but the user is not one of its registered contacts. */
  | { readonly status: 'notContact'; readonly customer: Customer }
  /** Web Chat or Emulator user who has not identified yet (or whose stored identity no longer matches). */
  | { readonly status: 'anonymous' };

export interface Caller {
  /** Only from the Teams channel, where the channel vouches for it. */
  readonly teams?: { readonly tenantId: string; readonly aadObjectId?: string };
  readonly ref?: CustomerRef;
}

/** Resolves the caller against the directory. A stored reference is re-checked, so removed contacts lose access. */
export function resolveCustomer(directory: CustomerDirectory, caller: Caller): Resolution {
  if (caller.teams) {
    const customer = directory.customerByTenantId(caller.teams.tenantId);
    if (!customer) return { status: 'unknownTenant' };
    const contact = caller.teams.aadObjectId ? directory.contactByAadObjectId(customer, caller.teams.aadObjectId) : undefined;
    return contact ? { status: 'identified', customer, contact } : { status: 'notContact', customer };
  }
  if (caller.ref) {
    const customer = directory.customerById(caller.ref.customerId);
    const contact = customer && directory.contactByEmail(customer, caller.ref.contactEmail);
    if (customer && contact) return { status: 'identified', customer, contact };
  }
  return { status: 'anonymous' };
}

/** Web Chat identification: the domain and e-mail must name the same customer's contact. Says nothing about which part failed. */
export function matchContact(
  directory: CustomerDirectory,
  domain: string,
  email: string,
): { customer: Customer; contact: Contact } | undefined {
  const customer = directory.customerByDomain(domain);
  const contact = customer && directory.contactByEmail(customer, email);
  return customer && contact ? { customer, contact } : undefined;
}
