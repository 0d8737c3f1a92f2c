import { message } from './post.js';

export interface ReplyActivity {
  readonly type?: string;
  readonly text?: string;
  readonly attachments?: ReadonlyArray<{ contentType: string; content: unknown }>;
}

/**
 * One turn over real HTTP with deliveryMode expectReplies: the replies come back in the response
 * body, so no connector is needed (the way the benchmarks and the multi-process tests talk to a bot).
 */
export async function turn(
  baseUrl: string,
  conversation: string,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<ReplyActivity[]> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message('http://127.0.0.1:9', conversation, text, { deliveryMode: 'expectReplies', ...extra })),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`turn "${text}" in ${conversation}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return ((JSON.parse(body) as { activities?: ReplyActivity[] }).activities ?? []).filter((a) => a.type === 'message');
}

/** Every text a turn's replies show, cards included, for substring checks. */
export function shown(replies: readonly ReplyActivity[]): string {
  return replies.map((r) => [r.text ?? '', ...(r.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n')).join('\n');
}
