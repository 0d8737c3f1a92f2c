import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startApp } from '../../../bot/app.js';
import { loadConfig } from '../../../bot/config.js';
import type { DirectoryData } from '../../../bot/directory/types.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { silentLogger, type Logger } from '../../../bot/log.js';
import { createRecognizer } from '../../../bot/nlu/createRecognizer.js';
import type { Lang } from '../../../bot/nlu/types.js';
import { seedDemoData } from '../seedDemoData.js';
import { activityFor, type Input, type Party } from './activities.js';
import { articleIndex, type ArticleIndex } from './articleIndex.js';
import { checkTurn, ticketsIn, type CheckFailure } from './checks.js';
import { repliesOf, turnText, type Reply, type WireActivity } from './replies.js';
import type { Area, RepairClass, Scenario, Turn } from './scenario.js';

/** Customer texts shorter than this ("yes", "是") are not taken as quoted: removing them would eat ordinary words. */
const MIN_QUOTED = 8;
/** A turn that takes longer than this is reported as a failure of its scenario, not waited for. */
const TURN_TIMEOUT_MS = 30_000;

/** The real bot, started in-process on a loopback port over a fresh DATA_DIR holding the demo data. */
export interface EvalBot {
  readonly url: string;
  readonly articles: ArticleIndex;
  readonly directory: DirectoryData;
  /** Data the bot shows as it is (names, incident text), which says nothing about a reply's language. */
  readonly literals: readonly string[];
  stop(): Promise<void>;
}

/**
 * Starts the bot as `npm start` would after `npm run seed:demo`, but offline and reproducible: the embedded
 * recognizer, file storage in a temporary DATA_DIR, no app id, and nothing read from .env.
 */
export async function startEvalBot(options: { root: string; logger?: Logger }): Promise<EvalBot> {
  const logger = options.logger ?? silentLogger;
  const dataDir = await mkdtemp(join(tmpdir(), 'eval-conversations-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOCAL_WEBCHAT: 'off' }, options.root);
    const now = afternoonClock();
    const { directory, incident } = await seedDemoData(config, now());
    const { articles } = await loadKnowledge(join(config.knowledgeDir, 'articles'), { cwd: options.root });
    const app = await startApp({ config, logger, recognizer: await createRecognizer(config, logger), now });
    const literals = [
      ...(directory.reseller ? [directory.reseller.name] : []),
      ...directory.customers.flatMap((c) => [c.company, ...c.contacts.map((p) => p.name)]),
      ...[incident.title, incident.impact].flatMap((t) => [t, ...t.split(' / ')]),
    ];
    return {
      url: app.url,
      articles: articleIndex(articles),
      directory,
      literals,
      stop: async () => {
        await app.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The bot's clock for a run: 14:00 China time on the day of the run, then advancing with real time, so that
 * "this morning at nine" or a handoff in support hours means the same whenever the corpus is played.
 */
function afternoonClock(): () => Date {
  const real = Date.now();
  const chinaMidnight = Math.floor((real + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000;
  const offset = chinaMidnight + 14 * 3_600_000 - real;
  return () => new Date(Date.now() + offset);
}

export interface TurnFailure extends CheckFailure {
  /** 1-based. */
  readonly turn: number;
  /** What the customer typed, or the button pressed. */
  readonly said: string;
  /** What the bot showed in that turn. */
  readonly got: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly lang: Lang;
  readonly area: Area;
  readonly classes: readonly RepairClass[];
  readonly file: string;
  readonly passed: boolean;
  /** Set when the scenario was not played because articles it requires do not exist yet. */
  readonly missing?: readonly string[];
  readonly failures: readonly TurnFailure[];
  /** Every turn as played: what was said and what the bot showed (for --transcript). */
  readonly transcript: ReadonlyArray<{ readonly said: string; readonly got: string }>;
}

async function post(url: string, activity: object): Promise<{ replies: Reply[] } | { error: string }> {
  let res: Response;
  try {
    res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
    });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') return { error: `no answer within ${TURN_TIMEOUT_MS / 1000} s` };
    throw err; // the bot is gone: the runner itself is broken
  }
  const body = await res.text();
  if (res.status !== 200) return { error: `HTTP ${res.status} ${body.slice(0, 200)}` };
  const parsed = (body ? JSON.parse(body) : {}) as { activities?: WireActivity[] };
  return { replies: repliesOf(parsed.activities ?? []) };
}

/** A click: the previous turn's button whose title matches (exactly first, then as a pattern), or a raw value. */
function inputOf(turn: Turn, previous: readonly Reply[], lastTicket: string | undefined): Input | { error: string } {
  if (turn.say !== undefined) return { text: turn.say.replaceAll('{ticket}', lastTicket ?? '{ticket}') };
  if (typeof turn.click === 'object') return { value: turn.click };
  const want = turn.click!;
  const buttons = previous.flatMap((r) => r.buttons);
  const button =
    buttons.find((b) => b.title.toLowerCase() === want.toLowerCase()) ?? buttons.find((b) => new RegExp(want, 'iu').test(b.title));
  if (!button) return { error: `a button /${want}/ (buttons: ${buttons.map((b) => b.title).join(' | ') || 'none'})` };
  if (button.data === undefined) return { error: `a button /${want}/ that posts data (it is a link)` };
  return { value: button.data };
}

const said = (turn: Turn) => turn.say ?? `[click ${typeof turn.click === 'string' ? turn.click : JSON.stringify(turn.click)}]`;

/**
 * Plays one scenario in a new conversation, turn by turn, and checks every turn. `quoted`: customer texts of
 * other scenarios, which the bot may quote back (a ticket title in a shared customer's ticket list); like the
 * scenario's own texts they are left out of the language check.
 */
export async function playScenario(bot: EvalBot, scenario: Scenario, quoted: readonly string[] = []): Promise<ScenarioResult> {
  const base = { id: scenario.id, lang: scenario.lang, area: scenario.area, classes: scenario.classes, file: scenario.file };
  const missing = (scenario.requires ?? []).filter((id) => !bot.articles.ids.has(id));
  if (missing.length > 0) return { ...base, passed: false, missing, failures: [], transcript: [] };

  const party: Party = { scenario, run: `${scenario.id}-${randomUUID().slice(0, 8)}`, directory: bot.directory };
  const failures: TurnFailure[] = [];
  const transcript: Array<{ said: string; got: string }> = [];
  const literals = [...bot.literals, ...quoted];
  let previous: Reply[] = [];
  let lastTicket: string | undefined;
  for (const [i, turn] of scenario.turns.entries()) {
    const at = { turn: i + 1, said: said(turn) };
    const input = inputOf(turn, previous, lastTicket);
    if ('error' in input) {
      failures.push({ ...at, check: 'click', expected: input.error, got: turnText(previous) });
      break;
    }
    const answer = await post(bot.url, activityFor(party, input));
    if ('error' in answer) {
      failures.push({ ...at, check: 'http', expected: 'HTTP 200 with the replies', got: answer.error });
      break;
    }
    // What the customer typed may be quoted back (a company name, a title): it says nothing about the language.
    if ('text' in input && input.text.length >= MIN_QUOTED) literals.push(input.text);
    const got = turnText(answer.replies);
    transcript.push({ said: at.said, got });
    const context = { lang: scenario.lang, literals, articles: bot.articles, ...(lastTicket && { lastTicket }) };
    for (const f of checkTurn(turn, answer.replies, context)) failures.push({ ...at, ...f, got });
    lastTicket = ticketsIn(answer.replies).at(-1) ?? lastTicket;
    previous = answer.replies;
  }
  return { ...base, passed: failures.length === 0, failures, transcript };
}

/** Plays the scenarios a few at a time (each in its own conversation) and returns the results in corpus order. */
export async function runCorpus(bot: EvalBot, scenarios: readonly Scenario[], concurrency = 4): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(scenarios.length);
  const quoted = scenarios.flatMap((s) => s.turns.flatMap((t) => (t.say && t.say.length >= MIN_QUOTED ? [t.say] : [])));
  let next = 0;
  const worker = async () => {
    while (next < scenarios.length) {
      const i = next++;
      results[i] = await playScenario(bot, scenarios[i]!, quoted);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, scenarios.length)) }, worker));
  return results;
}
