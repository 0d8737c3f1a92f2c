import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerDirectory } from '../bot/directory/customerDirectory.js';
import { resolveCustomer, type Caller, type Resolution } from '../bot/directory/resolveCustomer.js';
import type { CustomerRef, IdentifiedCustomer } from '../bot/directory/types.js';
import { teamsTenantId } from '../bot/teams/teamsTenant.js';

/**
 * What the customer dialogs need to know who is asking. `customerRef` (a Web Chat or Emulator
 * identification) lives in conversation state: a Direct Line client chooses its own user id, so an
 * identification kept per user would pass to anyone who sends that id. Teams identity is proven by the
 * channel on every activity and needs no storing.
 */
export interface IdentityDeps {
  readonly directory: CustomerDirectory;
  readonly customerRef: StatePropertyAccessor<CustomerRef | undefined>;
}

/**
 * The caller as the channel reports it. Tenant and object ids are trusted only from Teams: in Direct Line
 * and the Emulator the client writes channelData itself, so they could name someone else's tenant.
 */
export async function callerOf(context: TurnContext, refs: IdentityDeps['customerRef']): Promise<Caller> {
  const a = context.activity;
  const tenantId = teamsTenantId(a);
  if (tenantId) return { teams: { tenantId, ...(a.from?.aadObjectId && { aadObjectId: a.from.aadObjectId }) } };
  const ref = await refs.get(context);
  return ref ? { ref } : {};
}

export async function whoIsAsking(context: TurnContext, deps: IdentityDeps): Promise<Resolution> {
  return resolveCustomer(deps.directory, await callerOf(context, deps.customerRef));
}

/**
 * Who is asking in this turn: from the Teams tenant and user, or from this conversation's identification
 * in Web Chat / the Emulator. `undefined` means not (yet) identified; never another customer's data.
 */
export type CustomerLookup = (context: TurnContext) => Promise<IdentifiedCustomer | undefined>;

/** The lookup other features (service health, tickets) take as a dependency: identified contacts only. */
export function createCustomerLookup(deps: IdentityDeps): CustomerLookup {
  return async (context) => {
    const r = await whoIsAsking(context, deps);
    return r.status === 'identified' ? { customer: r.customer, contact: r.contact } : undefined;
  };
}
