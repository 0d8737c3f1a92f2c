/** POSTs a raw body to the bot and returns status and parsed JSON (or text). */
export async function post(
  url: string,
  body: string | object,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

let seq = 0;

/** An Emulator-style message activity. */
export function message(serviceUrl: string, conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `act-${++seq}`,
    channelId: 'emulator',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: 'user-1', name: 'User', role: 'user' },
    recipient: { id: 'bot-1', name: 'Bot', role: 'bot' },
    conversation: { id: conversationId },
    locale: 'en-US',
    text,
    ...extra,
  };
}
