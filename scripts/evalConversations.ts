// npm run --silent eval:conversations [-- --json] [--only ID_OR_CLASS] [--verbose] [--transcript]
//
// Plays the conversation corpus (test/conversations/*.yaml) against the real bot: a fresh temporary DATA_DIR
// with the demo data of `npm run seed:demo`, the bot started in-process on a loopback port, every scenario a
// new conversation over HTTP with deliveryMode expectReplies. Prints pass rates per language, repair class
// and area, and the failing scenarios. Exit code 0 whatever the rates (it is a measurement); 1 when the runner
// itself breaks, 2 for bad arguments or a malformed corpus.
//
// A scenario: id, lang (zh | en), area, classes (scripts/lib/conversations/scenario.ts lists both), channel
// (teams: the demo customer's admin, signed in; webchat | emulator: an anonymous visitor), optional customer
// (fabrikam | northwind | tailspin), locale, requires (article ids; skipped while one is missing), note, turns.
// A turn is `say: text` ({ticket} = the last ticket id shown) or `click: title pattern | value`, with checks:
//   lang       every reply in the scenario's language (default), or zh | en | any
//   article    the article shown is one of these ids
//   says       patterns (case-insensitive regex), each must match some reply (text or card)
//   not        patterns no reply may match
//   ticket     true: a T-123 id is shown; false: none; same: the one shown earlier
//   noDeadEnd  on by default: not "didn't understand"/nothing found, not "please answer yes or no",
//              not "please pick a button", not empty (sentences taken from bot/i18n); false for off-topic turns
// docs/conversations.md describes the corpus and how to add to it.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from './lib/conversations/loadCorpus.js';
import { formatReport, formatTranscript, summarise } from './lib/conversations/report.js';
import { CorpusError, type Scenario } from './lib/conversations/scenario.js';

const ROOT = join(import.meta.dirname, '..');

function usage(problem: string): never {
  const usage =
    'npm run --silent eval:conversations [-- --json] [--only ID_CLASS_AREA_OR_LANG]... [--verbose] [--transcript] [--dir FOLDER]';
  process.stderr.write(`${problem}\nusage: ${usage}\n`);
  process.exit(2);
}

/** A scenario is selected by its id, one of its classes, its area, its language or its file name. */
function selected(s: Scenario, only: readonly string[]): boolean {
  const file = s.file
    .split('/')
    .at(-1)!
    .replace(/\.ya?ml$/, '');
  return only.length === 0 || only.some((o) => [s.id, s.area, s.lang, file, ...s.classes].includes(o));
}

let args;
try {
  args = parseArgs({
    options: {
      json: { type: 'boolean' },
      only: { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      transcript: { type: 'boolean' },
      dir: { type: 'string' },
    },
    allowPositionals: false,
  }).values;
} catch (err) {
  usage((err as Error).message);
}

let scenarios: Scenario[];
try {
  scenarios = (await loadCorpus(args.dir ?? join(ROOT, 'test/conversations'), ROOT)).filter((s) => selected(s, args.only ?? []));
} catch (err) {
  if (err instanceof CorpusError) usage(err.message);
  throw err;
}
if (scenarios.length === 0) usage(`no scenario matches --only ${(args.only ?? []).join(', ')}`);

try {
  // Loaded only now: a usage error should not wait for the whole bot to load.
  const { runCorpus, startEvalBot } = await import('./lib/conversations/runConversations.js');
  const bot = await startEvalBot({ root: ROOT });
  try {
    const results = await runCorpus(bot, scenarios);
    const report = summarise(results);
    process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, args.verbose));
    // Every turn of every scenario played, for reading a conversation whole.
    if (args.transcript && !args.json) process.stdout.write(results.map((r) => formatTranscript(r)).join(''));
  } finally {
    await bot.stop();
  }
} catch (err) {
  process.stderr.write(`eval:conversations failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
}
