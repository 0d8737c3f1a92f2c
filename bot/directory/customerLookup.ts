import type { TurnContext } from 'botbuilder';
import type { Contact, Customer } from './types.js';

/** The identified customer and the contact who is asking. */
export interface IdentifiedCustomer {
  readonly customer: Customer;
  readonly contact: Contact;
}

/**
 * Who is asking in this turn: from the Teams tenant and user, or from an earlier identification in
 * Web Chat / the Emulator. `undefined` means not (yet) identified; never another customer's data.
 * (Type-only botbuilder import: the implementation lives in dialogs/ hosting code.)
 */
export type CustomerLookup = (context: TurnContext) => Promise<IdentifiedCustomer | undefined>;
