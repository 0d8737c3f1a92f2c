export type SubscriptionChange = 'add' | 'reduce' | 'changePlan' | 'cancel' | 'autoRenewOn' | 'autoRenewOff' | 'trialToPaid';

/** A requested subscription change, as confirmed and as written into the ticket. */
export interface ChangeRequest {
  readonly change: SubscriptionChange;
  readonly offer: string;
  readonly quantity?: number;
  readonly currentQuantity: number;
  readonly targetPlan?: string;
  /** Monthly price effect in CNY when the directory knows the unit price. */
  readonly monthlyDeltaCny?: number;
}
