/** What a billing question is about; the billing dialog routes on it. */
export type BillingTopic = 'latest' | 'explain' | 'due' | 'fapiao' | 'payment' | 'refund' | 'period';
