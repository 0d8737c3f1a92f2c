import type { Lang } from '../../../bot/nlu/types.js';

/**
 * The repair patterns a scenario exercises (conversation-repair issue). One list, so the report's classes
 * and the corpus cannot drift apart; a scenario naming anything else is refused when the corpus loads.
 */
export const REPAIR_CLASSES = [
  'natural-answer', // "yes please", 「行，提交吧」, "not now", 「先不用了」 at a yes/no prompt
  'menu-answer', // a menu answered by number, title, close wording or a typed question
  'side-question', // a question typed where a field or yes/no answer was expected
  'resume', // back to the set-aside form: 「继续」, "back to the sign-up please"
  'correction', // "no, the e-mail is …", 「不对，是 …」
  'skip', // an optional field skipped in words
  'cancel', // leaving a form or an offer
  'handoff', // a person asked for, anywhere in a message
  'help-at-prompt', // "what is a domain prefix?" at that prompt
  'follow-up', // a short question about what was just shown (article, invoice, incident, answer)
  'rewording', // everyday wording: colloquial, code-mixed, lower-case names, typos, task-phrased
  'answer-first', // a general question answered without identifying first
  'clarify', // an unsure question gets a menu of specific answers that lead somewhere
  'out-of-scope', // an off-topic turn that must not derail what follows
  'chitchat', // greetings, thanks, small talk between real questions
] as const;
export type RepairClass = (typeof REPAIR_CLASSES)[number];

/** The seven support areas, plus health, handoff, 21Vianet service requests and ticket status. */
export const AREAS = [
  'account-setup',
  'accounts-billing',
  'howto',
  'updates',
  'configuration',
  'connectivity',
  'performance',
  'service-health',
  'handoff',
  'service-request',
  'ticket-status',
] as const;
export type Area = (typeof AREAS)[number];

/** Demo customers a Teams scenario can be signed in as (their admin contact, see bot/directory/demoDirectory.ts). */
export const CUSTOMERS = ['fabrikam', 'northwind', 'tailspin'] as const;
export type CustomerKey = (typeof CUSTOMERS)[number];

/** Teams: an identified contact of a demo tenant. Web Chat / Emulator: an anonymous visitor. */
export const CHANNELS = ['teams', 'webchat', 'emulator'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface Turn {
  /** What the customer types. `{ticket}` is replaced by the last ticket id the bot showed. */
  readonly say?: string;
  /** A card button: a pattern for its title among the previous turn's buttons, or the raw value to post. */
  readonly click?: string | Readonly<Record<string, unknown>>;
  /** Every reply's language; the scenario's language by default, `any` to skip. */
  readonly lang?: Lang | 'any';
  /** The article shown in this turn is one of these ids. */
  readonly article?: readonly string[];
  /** Patterns (case-insensitive regex sources): each must match some reply. */
  readonly says?: readonly string[];
  /** Patterns none of the replies may match. */
  readonly not?: readonly string[];
  /** true: a ticket id (T-123) is shown; false: none is; same: the one shown earlier in the scenario is. */
  readonly ticket?: boolean | 'same';
  /** The default check that the reply is not a dead end; false only for turns where one is fair (off-topic). */
  readonly noDeadEnd?: boolean;
}

export interface Scenario {
  readonly id: string;
  readonly lang: Lang;
  readonly area: Area;
  readonly classes: readonly RepairClass[];
  readonly channel: Channel;
  /** Teams only: whose admin is signed in (fabrikam by default). */
  readonly customer?: CustomerKey;
  /** The client locale sent with each activity; follows `lang` by default. */
  readonly locale?: string;
  /** Article ids the scenario expects; it is skipped (and counted as skipped) while one is missing. */
  readonly requires?: readonly string[];
  /** Why the scenario matters, for the person reading a failure. */
  readonly note?: string;
  readonly turns: readonly Turn[];
  /** The corpus file it came from. */
  readonly file: string;
}

export class CorpusError extends Error {
  override readonly name = 'CorpusError';
}

const SCENARIO_KEYS = new Set(['id', 'lang', 'area', 'classes', 'channel', 'customer', 'locale', 'requires', 'note', 'turns']);
const TURN_KEYS = new Set(['say', 'click', 'lang', 'article', 'says', 'not', 'ticket', 'noDeadEnd']);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** A string or a list of strings, as a list. */
function strings(v: unknown, where: string): string[] | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((s) => typeof s === 'string' && s !== '')) throw new CorpusError(`${where}: expected a string or a list of strings`);
  return list as string[];
}

function patterns(v: unknown, where: string): string[] | undefined {
  const list = strings(v, where);
  for (const p of list ?? []) {
    try {
      new RegExp(p, 'iu');
    } catch (err) {
      throw new CorpusError(`${where}: bad pattern ${JSON.stringify(p)}: ${(err as Error).message}`);
    }
  }
  return list;
}

function parseTurn(raw: unknown, where: string): Turn {
  if (!isObject(raw)) throw new CorpusError(`${where}: a turn must be a mapping`);
  for (const key of Object.keys(raw)) if (!TURN_KEYS.has(key)) throw new CorpusError(`${where}: unknown key "${key}"`);
  const { say, click, lang, ticket, noDeadEnd } = raw;
  if ((say === undefined) === (click === undefined)) throw new CorpusError(`${where}: a turn has exactly one of say or click`);
  if (say !== undefined && (typeof say !== 'string' || say.trim() === '')) throw new CorpusError(`${where}: say must be text`);
  if (click !== undefined && typeof click !== 'string' && !isObject(click)) {
    throw new CorpusError(`${where}: click is a title pattern or a value mapping`);
  }
  if (lang !== undefined && !oneOf(['zh', 'en', 'any'] as const, lang)) throw new CorpusError(`${where}: lang is zh, en or any`);
  if (ticket !== undefined && ticket !== true && ticket !== false && ticket !== 'same') {
    throw new CorpusError(`${where}: ticket is true, false or same`);
  }
  if (noDeadEnd !== undefined && typeof noDeadEnd !== 'boolean') throw new CorpusError(`${where}: noDeadEnd is true or false`);
  const article = strings(raw.article, `${where} article`);
  const says = patterns(raw.says, `${where} says`);
  const not = patterns(raw.not, `${where} not`);
  return {
    ...(typeof say === 'string' && { say }),
    ...(click !== undefined && { click: click as string | Raw }),
    ...(lang !== undefined && { lang }),
    ...(article && { article }),
    ...(says && { says }),
    ...(not && { not }),
    ...(ticket !== undefined && { ticket }),
    ...(noDeadEnd !== undefined && { noDeadEnd }),
  };
}

/** Checks one scenario as written in a corpus file; throws CorpusError naming the file, scenario and turn. */
export function parseScenario(raw: unknown, file: string, index: number): Scenario {
  const at = `${file}: scenario ${index + 1}`;
  if (!isObject(raw)) throw new CorpusError(`${at}: a scenario must be a mapping`);
  const id = raw.id;
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new CorpusError(`${at}: id must be lower-case words joined by hyphens`);
  }
  const where = `${file}: ${id}`;
  for (const key of Object.keys(raw)) if (!SCENARIO_KEYS.has(key)) throw new CorpusError(`${where}: unknown key "${key}"`);
  if (!oneOf(['zh', 'en'] as const, raw.lang)) throw new CorpusError(`${where}: lang is zh or en`);
  if (!oneOf(AREAS, raw.area)) throw new CorpusError(`${where}: area must be one of ${AREAS.join(', ')}`);
  const classes = strings(raw.classes, `${where} classes`) ?? [];
  if (classes.length === 0) throw new CorpusError(`${where}: name at least one repair class`);
  const unknown = classes.find((c) => !oneOf(REPAIR_CLASSES, c));
  if (unknown) throw new CorpusError(`${where}: unknown class "${unknown}" (one of ${REPAIR_CLASSES.join(', ')})`);
  const channel = raw.channel ?? 'webchat';
  if (!oneOf(CHANNELS, channel)) throw new CorpusError(`${where}: channel is ${CHANNELS.join(', ')}`);
  if (raw.customer !== undefined && (!oneOf(CUSTOMERS, raw.customer) || channel !== 'teams')) {
    throw new CorpusError(`${where}: customer (${CUSTOMERS.join(', ')}) is for Teams scenarios`);
  }
  if (raw.locale !== undefined && typeof raw.locale !== 'string') throw new CorpusError(`${where}: locale is a string such as zh-CN`);
  if (raw.note !== undefined && typeof raw.note !== 'string') throw new CorpusError(`${where}: note is text`);
  const requires = strings(raw.requires, `${where} requires`);
  if (!Array.isArray(raw.turns) || raw.turns.length === 0) throw new CorpusError(`${where}: turns must be a non-empty list`);
  const turns = raw.turns.map((t, i) => parseTurn(t, `${where} turn ${i + 1}`));
  if (turns[0]!.click !== undefined) throw new CorpusError(`${where}: the first turn cannot click, there is no card yet`);
  return {
    id,
    lang: raw.lang,
    area: raw.area,
    classes: classes as RepairClass[],
    channel,
    turns,
    file,
    ...(raw.customer !== undefined && { customer: raw.customer as CustomerKey }),
    ...(typeof raw.locale === 'string' && { locale: raw.locale }),
    ...(requires && { requires }),
    ...(typeof raw.note === 'string' && { note: raw.note }),
  };
}
