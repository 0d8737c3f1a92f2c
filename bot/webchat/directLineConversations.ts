import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** An activity as Direct Line stores it: any JSON object with the id we assigned. */
export type DirectLineActivity = Record<string, unknown> & { readonly id: string };

export interface DirectLineLimits {
  /** Live conversations at once; the least recently used one makes room for a new one. */
  readonly maxConversations: number;
  /** Activities kept per conversation (oldest dropped first; watermarks keep counting). */
  readonly maxActivities: number;
  /** JSON characters kept per conversation, so a few large cards cannot pin much memory. */
  readonly maxChars: number;
  /** A conversation whose client has not called for this long is forgotten, token and all. */
  readonly idleMs: number;
}

export const DEFAULT_LIMITS: DirectLineLimits = { maxConversations: 100, maxActivities: 200, maxChars: 1_000_000, idleMs: 30 * 60_000 };

export interface ActivitySet {
  readonly activities: DirectLineActivity[];
  readonly watermark: string;
}

const hashOf = (token: string): Buffer => createHash('sha256').update(token).digest();
const randomId = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** One Direct Line conversation: its token, its members and its numbered activity list. */
export class LocalConversation {
  readonly members = new Set<string>();
  private readonly entries: Array<{ seq: number; activity: DirectLineActivity; chars: number }> = [];
  private chars = 0;
  private lastSeq = 0;

  constructor(
    readonly id: string,
    readonly tokenHash: Buffer,
    public lastSeen: number,
    readonly locale: string | undefined,
  ) {}

  /** Assigns the next id (`<conversation>|<seq>`), stores the activity and returns the stored copy. */
  append(activity: Record<string, unknown>, limits: DirectLineLimits): DirectLineActivity {
    const seq = ++this.lastSeq;
    const stored = { ...activity, id: `${this.id}|${String(seq).padStart(7, '0')}` };
    const chars = JSON.stringify(stored).length;
    this.entries.push({ seq, activity: stored, chars });
    this.chars += chars;
    while (this.entries.length > 1 && (this.entries.length > limits.maxActivities || this.chars > limits.maxChars)) {
      this.chars -= this.entries.shift()!.chars;
    }
    return stored;
  }

  /** Activities after the watermark (a sequence number; empty means from the start). */
  since(watermark: number): ActivitySet {
    return { activities: this.entries.filter((e) => e.seq > watermark).map((e) => e.activity), watermark: String(this.lastSeq) };
  }
}

/**
 * The local Direct Line's memory: bounded in conversations, activities and characters, and forgetting
 * idle conversations. Tokens are random, per conversation, and kept only as hashes.
 */
export class DirectLineConversations {
  private readonly byId = new Map<string, LocalConversation>();
  private readonly byTokenHash = new Map<string, LocalConversation>();

  constructor(
    readonly limits: DirectLineLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    this.sweep();
    return this.byId.size;
  }

  start(locale?: string): { conversation: LocalConversation; token: string } {
    this.sweep();
    while (this.byId.size >= this.limits.maxConversations) {
      let oldest: LocalConversation | undefined;
      for (const c of this.byId.values()) if (!oldest || c.lastSeen < oldest.lastSeen) oldest = c;
      this.forget(oldest!);
    }
    const token = randomId(32);
    const conversation = new LocalConversation(randomId(16), hashOf(token), this.now(), locale);
    this.byId.set(conversation.id, conversation);
    this.byTokenHash.set(conversation.tokenHash.toString('hex'), conversation);
    return { conversation, token };
  }

  /** The conversation a token belongs to; the client is alive, so its idle clock restarts. */
  byToken(token: string): LocalConversation | undefined {
    this.sweep();
    const found = this.byTokenHash.get(hashOf(token).toString('hex'));
    if (found) found.lastSeen = this.now();
    return found;
  }

  /** The conversation `id` if `token` is its token (compared in constant time). */
  authorize(id: string, token: string): LocalConversation | undefined {
    this.sweep();
    const found = this.byId.get(id);
    if (!found || !timingSafeEqual(found.tokenHash, hashOf(token))) return undefined;
    found.lastSeen = this.now();
    return found;
  }

  /** For the bot's own posts (replies, proactive messages): these do not keep a conversation alive. */
  get(id: string): LocalConversation | undefined {
    this.sweep();
    return this.byId.get(id);
  }

  /** Seconds until the token lapses if the client stops calling. */
  get expiresInSeconds(): number {
    return Math.floor(this.limits.idleMs / 1000);
  }

  private sweep(): void {
    const cutoff = this.now() - this.limits.idleMs;
    for (const c of this.byId.values()) if (c.lastSeen <= cutoff) this.forget(c);
  }

  private forget(c: LocalConversation): void {
    this.byId.delete(c.id);
    this.byTokenHash.delete(c.tokenHash.toString('hex'));
  }
}
