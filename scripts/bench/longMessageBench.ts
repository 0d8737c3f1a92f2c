import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchProcess } from './benchProcess.js';
import { loadTest, quantile } from './loadTest.js';
import { printRows, type Row } from './table.js';

const LONG_BYTES = 250 * 1024; // under the 256 KB body limit with the activity around it
const MIX = ['Outlook', '发票', 'admin@contoso.partner.cn', 'license', '12345678', '...', '--', 'Exchange', '登录不了', '@@'];

/** 250 KB of UTF-8: one unbroken word, or words of both languages with the odd e-mail, number and run of dots. */
function longTexts(): Record<'word' | 'mix', string> {
  const words: string[] = [];
  for (let bytes = 0, i = 0; bytes < LONG_BYTES; i++) {
    const word = MIX[i % MIX.length]!;
    words.push(word);
    bytes += Buffer.byteLength(word) + 1;
  }
  return { word: 'x'.repeat(LONG_BYTES), mix: words.join(' ') };
}

let sent = 0;
/** One turn over HTTP in a new conversation; its time in ms, NaN if it failed or brought no reply. */
async function turn(url: string, text: string): Promise<number> {
  const conversation = `long-${sent++}`;
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'bench',
        serviceUrl: 'http://127.0.0.1:9',
        deliveryMode: 'expectReplies',
        conversation: { id: conversation },
        from: { id: `user-${conversation}` },
        recipient: { id: 'bot' },
        text,
      }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await res.json()) as { activities?: Array<{ type: string }> };
    const answered = res.ok && (body.activities ?? []).some((a) => a.type === 'message');
    return answered ? performance.now() - started : NaN;
  } catch {
    return NaN;
  }
}

/** GET /healthz every 10 ms while `during` runs; the latency of every probe, in ms. */
async function probeHealth<T>(url: string, during: Promise<T>): Promise<{ result: T; latencies: number[] }> {
  const probes: Array<Promise<number>> = [];
  const timer = setInterval(() => {
    const started = performance.now();
    probes.push(
      fetch(`${url}/healthz`).then(
        async (r) => (await r.arrayBuffer(), performance.now() - started),
        () => NaN,
      ),
    );
  }, 10);
  const result = await during;
  clearInterval(timer);
  return { result, latencies: (await Promise.all(probes)).filter((l) => !Number.isNaN(l)).sort((a, b) => a - b) };
}

const median = (values: readonly number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/** Time to answer one 250 KB message against a short one, and /healthz while it is being answered against idle. */
export async function runLongMessageBench(options: { quick: boolean }): Promise<void> {
  const reps = options.quick ? 1 : 3;
  const dir = await mkdtemp(join(tmpdir(), 'bench-long-'));
  const bot = await startBenchProcess('bot', dir);
  await loadTest(bot.url, 4, 50, 'warm-long');
  const texts = longTexts();
  const short: number[] = [];
  for (let i = 0; i < 10; i++) short.push(await turn(bot.url, i % 2 ? 'how do I reset my password' : '发票怎么开'));
  const idle = (await probeHealth(bot.url, new Promise((resolve) => setTimeout(resolve, 1_000)))).latencies;
  const answered = { word: [] as number[], mix: [] as number[] };
  const during: number[] = [];
  for (let r = 0; r < reps; r++) {
    for (const kind of ['word', 'mix'] as const) {
      const { result, latencies } = await probeHealth(bot.url, turn(bot.url, texts[kind]));
      answered[kind].push(result);
      during.push(...latencies);
    }
  }
  await bot.stop();
  await rm(dir, { recursive: true, force: true });
  during.sort((a, b) => a - b);
  const failed = [...answered.word, ...answered.mix, ...short].filter((t) => Number.isNaN(t)).length;
  if (failed > 0) console.log(`  (${failed} turns failed or went unanswered)`);
  const shortMs = median(short);
  const rows: Row[] = [
    { name: 'answer: 250 KB unbroken word', ours: median(answered.word), baseline: shortMs, unit: 'ms', better: 'lower' },
    { name: 'answer: 250 KB of mixed words', ours: median(answered.mix), baseline: shortMs, unit: 'ms', better: 'lower' },
    { name: '/healthz p50 during long turns', ours: quantile(during, 0.5), baseline: quantile(idle, 0.5), unit: 'ms', better: 'lower' },
    { name: '/healthz max during long turns', ours: during.at(-1) ?? NaN, baseline: idle.at(-1) ?? NaN, unit: 'ms', better: 'lower' },
  ];
  const title = `Long messages (ours): median of ${reps} per kind vs a short message; /healthz every 10 ms during them vs at idle`;
  printRows(title, 'short/idle', rows);
}
