/** Seeded generator of hostile and malformed activities for the fuzz test. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzCase {
  readonly body: string;
  readonly contentType: string;
}

export function fuzzCases(count: number, seed: number, serviceUrl: string): FuzzCase[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number) => Math.floor(r() * n);
  const randomUnicode = (len: number) =>
    Array.from({ length: len }, () => {
      const cp = pick([int(0x20), 0x20 + int(0x60), 0x4e00 + int(0x5000), 0x1f300 + int(0x300), 0xd800 + int(0x800), int(0x110000)]);
      try {
        return String.fromCodePoint(cp);
      } catch {
        return '\u0000';
      }
    }).join('');
  const junk = (depth: number): unknown => {
    const kind = int(depth > 6 ? 6 : 9);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return r() * 1e12 - 5e11;
      case 2:
        return r() > 0.5;
      case 3:
        return randomUnicode(int(40));
      case 4:
        return '';
      case 5:
        return int(100);
      case 6:
        return Array.from({ length: int(5) }, () => junk(depth + 1));
      case 7:
        return Object.fromEntries(Array.from({ length: int(5) }, () => [randomUnicode(int(8) + 1), junk(depth + 1)]));
      default:
        return { nested: junk(depth + 1), ['__proto__']: { polluted: true }, constructor: 'x' };
    }
  };
  const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { d: deep(levels - 1) });

  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const activity: Record<string, unknown> = {
      type: 'message',
      id: `f-${i}`,
      channelId: pick(['emulator', 'msteams', 'webchat', 'directline']),
      serviceUrl,
      from: { id: `u-${int(20)}`, name: 'Fuzz' },
      recipient: { id: 'bot', name: 'Bot' },
      conversation: { id: `fuzz-${int(50)}` },
      text: pick([
        '你好',
        'hello',
        'help',
        '取消',
        'invoice',
        randomUnicode(int(60)),
        '\u0000\u0007\u001b[31m',
        '<script>alert(1)</script>',
        '${7*7}',
      ]),
      locale: pick(['zh-CN', 'en-US', undefined, randomUnicode(3)]),
    };
    const mutations = 1 + int(4);
    for (let m = 0; m < mutations; m++) {
      const field = pick([
        'type',
        'channelId',
        'serviceUrl',
        'from',
        'recipient',
        'conversation',
        'text',
        'locale',
        'channelData',
        'attachments',
        'entities',
        'membersAdded',
        'value',
        'deliveryMode',
        'timestamp',
        'replyToId',
        'name',
      ]);
      const op = int(8);
      if (op === 0) delete activity[field];
      else if (op === 1) activity[field] = junk(0);
      else if (op === 2) activity[field] = 'x'.repeat(pick([10, 1_000, 100_000, 300_000]));
      else if (op === 3) activity[field] = deep(pick([5, 50, 500]));
      else if (op === 4)
        activity.type = pick([
          'conversationUpdate',
          'invoke',
          'event',
          'typing',
          'endOfConversation',
          'installationUpdate',
          'messageReaction',
          randomUnicode(5),
          '',
        ]);
      else if (op === 5) activity.channelData = { tenant: junk(0), team: junk(0), junk: Array.from({ length: int(200) }, () => junk(3)) };
      else if (op === 6) activity.membersAdded = pick([[{ id: 'u-1' }], [junk(0)], junk(0), [{ id: 5 }]]);
      else activity.deliveryMode = pick(['expectReplies', 'normal', 'notification', 7]);
    }
    const raw = JSON.stringify(activity);
    const shape = int(20);
    if (shape === 0) cases.push({ body: raw.slice(0, int(raw.length)), contentType: 'application/json' });
    else if (shape === 1)
      cases.push({ body: raw, contentType: pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', '']) });
    else if (shape === 2) cases.push({ body: randomUnicode(int(200)), contentType: 'application/json' });
    else cases.push({ body: raw, contentType: 'application/json' });
  }
  return cases;
}
