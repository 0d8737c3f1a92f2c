import autocannon from 'autocannon';

export interface LoadResult {
  readonly throughput: number; // turns per second
  readonly p50: number; // ms
  readonly p99: number; // ms
  readonly errors: number;
}

const TEXTS = ['你好', 'how do I set up Outlook on my phone', '发票怎么开', 'is exchange down', '我要加5个license', 'thanks', 'help', '谢谢'];

/** The q-th quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** `amount` turns at `connections` concurrency, each in a new conversation, replies returned in the response. */
export async function loadTest(url: string, connections: number, amount: number, runId: string): Promise<LoadResult> {
  let n = 0;
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  let finish!: (r: autocannon.Result) => void;
  let fail!: (err: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon({
    url: `${url}/api/messages`,
    connections,
    amount,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            body: JSON.stringify({
              type: 'message',
              channelId: 'bench',
              serviceUrl: 'http://127.0.0.1:9',
              deliveryMode: 'expectReplies',
              conversation: { id: `${runId}-${i}` },
              from: { id: `user-${runId}-${i}` },
              recipient: { id: 'bot' },
              text: TEXTS[i % TEXTS.length],
            }),
          };
        },
      },
    ],
  }, (err, result) => (err ? fail(err) : finish(result)));
  // autocannon's own figures are whole milliseconds and whole-second ticks; these are exact (hrtime).
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await done;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return { throughput: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors: result.errors + result.non2xx };
}
