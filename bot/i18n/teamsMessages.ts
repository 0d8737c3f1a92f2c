/** What the Teams layer says: the tenant allow-list refusal and the note on a shortened reply. */
export interface TeamsMessages {
  /** To someone whose organisation is not on ALLOWED_TENANTS. */
  readonly tenantDenied: string;
  /** Ends a reply that was cut to fit the channel's message size limit. */
  readonly shortened: string;
}
