import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Activity, PagedResult, TranscriptInfo, TranscriptStore } from 'botbuilder';
import { KeyedQueue } from '../keyedQueue.js';
import { errorFields, type Logger } from '../log.js';
import { writeFileAtomically } from '../store/jsonFileAdapter.js';
import { redactDeep } from './redact.js';

/** One line of a transcript file: the redacted activity and when we logged it (our clock, for retention). */
interface Line {
  readonly loggedAt: string;
  readonly activity: Partial<Activity>;
}

const PAGE = 100;
/** Fields that carry what people wrote or were shown; ids, addresses and timestamps stay as they are. */
const TEXT_FIELDS = ['text', 'speak', 'summary', 'value', 'attachments', 'suggestedActions'] as const;

/**
 * Transcripts as JSON Lines under DATA_DIR/transcripts/<channel>/<hash of conversation>.jsonl, with
 * e-mail addresses, phone numbers and ID numbers removed before anything is written. Logging never
 * fails a turn: a write error is logged and the line dropped.
 */
export class FileTranscriptStore implements TranscriptStore {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly root: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async logActivity(activity: Activity): Promise<void> {
    try {
      const channelId = typeof activity.channelId === 'string' ? activity.channelId : '';
      const conversationId = typeof activity.conversation?.id === 'string' ? activity.conversation.id : '';
      const file = this.fileOf(channelId, conversationId);
      const redacted: Partial<Activity> = { ...activity };
      for (const field of TEXT_FIELDS)
        if (redacted[field] !== undefined) (redacted as Record<string, unknown>)[field] = redactDeep(redacted[field]);
      const line: Line = { loggedAt: this.now().toISOString(), activity: redacted };
      await this.queue.run(file, async () => {
        await fs.mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
        await fs.appendFile(file, JSON.stringify(line) + '\n', { mode: 0o600 });
      });
    } catch (err) {
      this.logger.warn('transcript_write_failed', { ...errorFields(err) });
    }
  }

  async getTranscriptActivities(
    channelId: string,
    conversationId: string,
    continuationToken?: string,
    startDate?: Date,
  ): Promise<PagedResult<Activity>> {
    const lines = (await this.lines(this.fileOf(channelId, conversationId))).filter(
      (l) => !startDate || Date.parse(l.loggedAt) >= startDate.getTime(),
    );
    const start = Number(continuationToken ?? 0) || 0;
    const items = lines.slice(start, start + PAGE).map((l) => l.activity as Activity);
    return { items, continuationToken: start + PAGE < lines.length ? String(start + PAGE) : '' };
  }

  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    const dir = this.channelDir(channelId);
    const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.jsonl')).sort();
    const start = Number(continuationToken ?? 0) || 0;
    const items: TranscriptInfo[] = [];
    for (const name of names.slice(start, start + PAGE)) {
      const [first] = await this.lines(join(dir, name));
      if (first) items.push({ channelId, id: first.activity.conversation?.id ?? '', created: new Date(first.loggedAt) });
    }
    return { items, continuationToken: start + PAGE < names.length ? String(start + PAGE) : '' };
  }

  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    const file = this.fileOf(channelId, conversationId);
    await this.queue.run(file, () => fs.rm(file, { force: true }));
  }

  /** Retention: drops lines logged before the cutoff, and files left empty. Returns how many lines went. */
  async purge(cutoff: Date): Promise<number> {
    let purged = 0;
    for (const channel of await fs.readdir(this.root).catch(() => [] as string[])) {
      const dir = join(this.root, channel);
      for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
        if (!name.endsWith('.jsonl')) continue;
        const file = join(dir, name);
        await this.queue.run(file, async () => {
          const lines = await this.lines(file);
          const kept = lines.filter((l) => Date.parse(l.loggedAt) >= cutoff.getTime());
          if (kept.length === lines.length) return;
          purged += lines.length - kept.length;
          if (kept.length === 0) await fs.rm(file, { force: true });
          else await writeFileAtomically(file, kept.map((l) => JSON.stringify(l) + '\n').join(''), { durable: true });
        });
      }
    }
    return purged;
  }

  private fileOf(channelId: string, conversationId: string): string {
    const name = createHash('sha256').update(conversationId).digest('hex').slice(0, 40);
    return join(this.channelDir(channelId), `${name}.jsonl`);
  }

  /** Channel ids come from requests: anything but a plain name is hashed, so no id can leave the folder. */
  private channelDir(channelId: string): string {
    return join(
      this.root,
      /^[A-Za-z0-9_-]{1,64}$/.test(channelId) ? `c-${channelId}` : `h-${createHash('sha256').update(channelId).digest('hex').slice(0, 32)}`,
    );
  }

  private async lines(file: string): Promise<Line[]> {
    const text = await fs.readFile(file, 'utf8').catch(() => '');
    const out: Line[] = [];
    for (const raw of text.split('\n')) {
      if (raw === '') continue;
      try {
        out.push(JSON.parse(raw) as Line);
      } catch {
        // A line torn by a crash mid-append: skip it rather than lose the file.
      }
    }
    return out;
  }
}
