import autocannon from 'autocannon';

export interface LoadResult {
  readonly throughput: number; // turns per second
  readonly p50: number; // ms
  readonly p99: number; // ms
  readonly errors: number;
}

/** Raw figures of one or more runs, so that runs can be pooled before percentiles are taken. */
export interface LoadSamples {
  readonly latencies: number[];
  readonly seconds: number;
  readonly errors: number;
}

const TEXTS = [
  '你好',
  'how do I set up Outlook on my phone',
  '发票怎么开',
  'is exchange down',
  '我要加5个license',
  'thanks',
  'help',
  '谢谢',
];

/** The q-th quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export function summarise(runs: readonly LoadSamples[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return {
    throughput: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors: runs.reduce((s, r) => s + r.errors, 0),
  };
}

export interface LoadOptions {
  /** The conversation of the i-th request; by default every request starts a new one. */
  readonly conversation?: (i: number) => string;
  /** The text of the i-th request; by default the texts above in turn. */
  readonly text?: (i: number) => string;
}

/** Turns each conversation gets in the HTTP comparison: state is loaded, not only created, on most turns. */
export const TURNS_PER_CONVERSATION = 4;

/**
 * The conversation-id spread of the HTTP comparison, the same for every server: `amount` turns over
 * amount / 4 conversations, a conversation's turns far enough apart (at least 4 × connections requests)
 * that two of them are never in flight at once; each conversation gets the texts in a different order.
 */
export function spread(runId: string, amount: number, connections: number): LoadOptions {
  const conversations = Math.max(Math.ceil(amount / TURNS_PER_CONVERSATION), 4 * connections);
  return {
    conversation: (i) => `${runId}-${i % conversations}`,
    text: (i) => TEXTS[(i + Math.floor(i / conversations)) % TEXTS.length]!,
  };
}

/** `amount` turns at `connections` concurrency, replies returned in the response (deliveryMode expectReplies). */
export async function loadSamples(
  url: string,
  connections: number,
  amount: number,
  runId: string,
  options: LoadOptions = {},
): Promise<LoadSamples> {
  let n = 0;
  const latencies: number[] = [];
  const conversationOf = options.conversation ?? ((i: number) => `${runId}-${i}`);
  const textOf = options.text ?? ((i: number) => TEXTS[i % TEXTS.length]!);
  let finish!: (r: autocannon.Result) => void;
  let fail!: (err: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const started = process.hrtime.bigint();
  const instance = autocannon(
    {
      url: `${url}/api/messages`,
      connections,
      amount,
      // autocannon notices the end of a run at its next sample tick (1 s by default): tick often.
      sampleInt: 20,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (req) => {
            const i = n++;
            const conversation = conversationOf(i);
            return {
              ...req,
              body: JSON.stringify({
                type: 'message',
                channelId: 'bench',
                serviceUrl: 'http://127.0.0.1:9',
                deliveryMode: 'expectReplies',
                conversation: { id: conversation },
                from: { id: `user-${conversation}` },
                recipient: { id: 'bot' },
                text: textOf(i),
              }),
            };
          },
        },
      ],
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  // autocannon's own figures are whole milliseconds and whole-second ticks; these are exact (hrtime).
  let last = started;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    last = process.hrtime.bigint();
  });
  const result = await done;
  // First request sent to last response received: the run itself, not autocannon's bookkeeping after it.
  return { latencies, seconds: Number(last - started) / 1e9, errors: result.errors + result.non2xx };
}

export async function loadTest(
  url: string,
  connections: number,
  amount: number,
  runId: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  return summarise([await loadSamples(url, connections, amount, runId, options)]);
}
