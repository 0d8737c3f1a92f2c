/** A minimal Direct Line 3.0 client over fetch, speaking the wire format the way Direct Line JS does. */
export interface DirectLineActivity {
  readonly id: string;
  readonly type: string;
  readonly text?: string;
  readonly locale?: string;
  readonly replyToId?: string;
  readonly from: { id: string; role?: string };
  readonly channelData?: Record<string, unknown>;
  readonly attachments?: Array<{ contentType: string; content: unknown }>;
}

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown> & { error?: { code: string; message: string } };
}

export async function call(
  url: string,
  init: { method?: string; token?: string; body?: string | object; contentType?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined && { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Reply['body']) };
}

export class DirectLineClient {
  watermark = '';

  private constructor(
    readonly base: string,
    readonly conversationId: string,
    readonly token: string,
    readonly userId: string,
  ) {}

  static async start(appUrl: string, userId: string, locale = 'zh-CN'): Promise<DirectLineClient> {
    const base = `${appUrl}/v3/directline`;
    const res = await call(`${base}/conversations`, { method: 'POST', body: { user: { id: userId }, locale } });
    if (res.status !== 201) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
    return new DirectLineClient(base, String(res.body.conversationId), String(res.body.token), userId);
  }

  get activitiesUrl(): string {
    return `${this.base}/conversations/${this.conversationId}/activities`;
  }

  send(text: string, extra: Record<string, unknown> = {}): Promise<Reply> {
    return call(this.activitiesUrl, {
      method: 'POST',
      token: this.token,
      body: { type: 'message', from: { id: this.userId }, text, ...extra },
    });
  }

  /** One poll from the current watermark; advances it as Direct Line JS does. */
  async poll(): Promise<DirectLineActivity[]> {
    const res = await call(`${this.activitiesUrl}?watermark=${this.watermark}`, { token: this.token });
    if (res.status !== 200) throw new Error(`poll: ${res.status}`);
    if (typeof res.body.watermark === 'string' && res.body.watermark !== '') this.watermark = res.body.watermark;
    return res.body.activities as DirectLineActivity[];
  }
}
