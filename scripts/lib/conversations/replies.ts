/** A card button as the customer sees it: its title, and what pressing it posts. */
export interface Button {
  readonly title: string;
  /** Action.Submit data (posted as the activity's value); undefined for links. */
  readonly data?: unknown;
}

/** One message the bot sent, reduced to what the customer sees. */
export interface Reply {
  /** The message text, then every card's visible text (text blocks, facts, button titles), one per line. */
  readonly text: string;
  /** The cards' JSON: an article card names its article there. */
  readonly cards: readonly unknown[];
  readonly buttons: readonly Button[];
}

/** An activity as it comes back in the expectReplies body. */
export interface WireActivity {
  readonly type?: string;
  readonly text?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType?: string; readonly content?: unknown }>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Visible strings of an Adaptive Card (or any card JSON): text, titles, fact values; never action data. */
export function cardText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) cardText(item, out);
    return out;
  }
  if (!isObject(node)) return out;
  for (const key of ['title', 'text', 'subtitle'] as const) if (typeof node[key] === 'string') out.push(node[key]);
  const facts = Array.isArray(node.facts) ? node.facts : [];
  for (const f of facts) if (isObject(f) && typeof f.value === 'string') out.push(String(f.title ?? ''), f.value);
  for (const [key, value] of Object.entries(node)) if (key !== 'data' && key !== 'facts' && typeof value === 'object') cardText(value, out);
  return out;
}

function buttonsOf(node: unknown, out: Button[] = []): Button[] {
  if (Array.isArray(node)) {
    for (const item of node) buttonsOf(item, out);
    return out;
  }
  if (!isObject(node)) return out;
  if (typeof node.type === 'string' && node.type.startsWith('Action.') && typeof node.title === 'string') {
    out.push({ title: node.title, ...(node.data !== undefined && { data: node.data }) });
  }
  for (const [key, value] of Object.entries(node)) if (key !== 'data' && typeof value === 'object') buttonsOf(value, out);
  return out;
}

/** The message activities of a turn as replies; traces, typing and events are not seen by the customer. */
export function repliesOf(activities: readonly WireActivity[]): Reply[] {
  return activities
    .filter((a) => a.type === undefined || a.type === 'message')
    .map((a) => {
      const cards = (a.attachments ?? []).map((att) => att.content);
      const text = [a.text ?? '', ...cards.flatMap((c) => cardText(c))].filter((t) => t.trim() !== '').join('\n');
      return { text, cards, buttons: cards.flatMap((c) => buttonsOf(c)) };
    })
    .filter((r) => r.text !== '' || r.buttons.length > 0);
}

/** Everything a turn showed, for failure messages. */
export function turnText(replies: readonly Reply[]): string {
  return replies.map((r) => r.text).join('\n---\n');
}
