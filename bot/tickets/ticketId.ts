export class TicketNotFoundError extends Error {
  override readonly name = 'TicketNotFoundError';
  constructor(readonly id: string) {
    super(`No ticket ${id}`);
  }
}

/** Normalises "t-1024", "#1024" or "1024" to "T-1024". */
export function normaliseTicketId(raw: string): string | undefined {
  const m = /^(?:t-?|#)?(\d{3,8})$/i.exec(raw.trim());
  return m ? `T-${m[1]}` : undefined;
}
