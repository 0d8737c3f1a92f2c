import autocannon from 'autocannon';

export interface LoadResult {
  readonly throughput: number; // turns per second
  readonly p50: number; // ms
  readonly p99: number; // ms
  readonly errors: number;
}

const TEXTS = ['你好', 'how do I set up Outlook on my phone', '发票怎么开', 'is exchange down', '我要加5个license', 'thanks', 'help', '谢谢'];

/** `amount` turns at `connections` concurrency, each in a new conversation, replies returned in the response. */
export async function loadTest(url: string, connections: number, amount: number, runId: string): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
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
  });
  return { // autocannon's own duration is counted in whole-second ticks; Little's law (concurrency / mean latency) is exact.
    throughput: (connections * 1000) / result.latency.mean, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
