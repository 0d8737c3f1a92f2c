import type { Activity, Attachment } from 'botbuilder';

/**
 * Teams refuses bot messages over about 100 KB, counted on the whole activity encoded as UTF-16, and
 * advises staying under 80 KB. We measure the JSON we are about to post the same way.
 */
export const MESSAGE_BUDGET_BYTES = 80 * 1024;
/** A reply longer than this many messages is cut instead: nobody reads a wall of messages. */
export const MAX_PARTS = 3;

export function activityBytes(activity: Partial<Activity>): number {
  return JSON.stringify(activity).length * 2;
}

/** Cuts at a paragraph, else a line, else a space, else anywhere (never inside a surrogate pair). */
function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(sep, max - sep.length);
    if (at > max / 2) return at + sep.length;
  }
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

/** The longest prefix of `text` (at a cut point) for which `fits(prefix)` holds. */
function longestFitting(text: string, fits: (part: string) => boolean): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo >= text.length ? text.length : Math.max(1, cutPoint(text, lo));
}

function withText(activity: Partial<Activity>, text: string, attachments?: Attachment[]): Partial<Activity> {
  const { attachments: _dropped, ...rest } = activity;
  return { ...rest, text, ...(attachments && { attachments }) };
}

/** The card object holding the longest "text" string over 200 characters, if any. */
function longestText(node: unknown, best?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (Array.isArray(node)) return node.reduce<Record<string, unknown> | undefined>((b, n) => longestText(n, b), best);
  if (typeof node !== 'object' || node === null) return best;
  const record = node as Record<string, unknown>;
  const length = (r?: Record<string, unknown>) => (typeof r?.text === 'string' ? r.text.length : 200);
  if (typeof record.text === 'string' && record.text.length > length(best)) best = record;
  return Object.values(record).reduce<Record<string, unknown> | undefined>((b, n) => longestText(n, b), best);
}

/** Halves the longest texts inside the cards until the activity fits; false if it cannot. */
function shrinkCards(activity: Partial<Activity>, budget: number): boolean {
  const attachments = JSON.parse(JSON.stringify(activity.attachments ?? [])) as Attachment[];
  while (activityBytes({ ...activity, attachments }) > budget) {
    const holder = longestText(attachments);
    if (!holder) return false;
    const text = holder.text as string;
    holder.text = `${text.slice(0, cutPoint(text, Math.floor(text.length / 2)))}…`;
  }
  activity.attachments = attachments;
  return true;
}

/** The text cut into parts that each fit, greedily from the start; at most maxChunks of them. */
function splitText(activity: Partial<Activity>, text: string, budget: number, maxChunks: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest !== '' && chunks.length < maxChunks) {
    const length = longestFitting(rest, (part) => activityBytes(withText(activity, part)) <= budget);
    chunks.push(rest.slice(0, length).trimEnd());
    rest = rest.slice(length).trimStart();
  }
  return chunks;
}

/**
 * One outgoing activity as one or more activities that each fit the budget. Long text is split into
 * at most MAX_PARTS messages, cards riding on the last one (or alone after it); whatever had to be cut
 * ends the reply with `note`. Cards too big on their own have their longest texts shortened, or are
 * dropped, and the note says so.
 */
export function fitActivity(activity: Partial<Activity>, note: string, budget = MESSAGE_BUDGET_BYTES): Partial<Activity>[] {
  if (activity.type !== 'message' || activityBytes(activity) <= budget) return [activity];
  const roomy = budget - activityBytes({ text: `\n\n${note}` });
  let cut = false;

  let cards = activity.attachments && activity.attachments.length > 0 ? withText(activity, '', activity.attachments) : undefined;
  if (cards && activityBytes(cards) > roomy) {
    cut = true;
    if (!shrinkCards(cards, roomy)) cards = undefined;
  }

  let chunks = splitText(activity, activity.text ?? '', roomy, MAX_PARTS + 1);
  if (chunks.length > MAX_PARTS) {
    chunks = chunks.slice(0, MAX_PARTS);
    cut = true;
  }
  const parts = chunks.map((chunk) => withText(activity, chunk));
  const last = parts[parts.length - 1];
  if (cards && last && activityBytes({ ...last, attachments: cards.attachments }) <= roomy) last.attachments = cards.attachments;
  else if (cards) parts.push(cards);

  if (cut) {
    const end = parts[parts.length - 1];
    if (end) end.text = end.text ? `${end.text}\n\n${note}` : note;
    else parts.push(withText(activity, note));
  }
  for (const part of parts) if (part.text === '') delete part.text;
  return parts;
}
