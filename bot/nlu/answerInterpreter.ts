/**
 * How a reply to one of the bot's questions is read, whatever the question: yes/no, a choice, or a field.
 * Customers rarely answer with a bare word ("yes please, go ahead", 「行，提交吧」, "no, the e-mail is …",
 * "what is a domain prefix?"), so each reply becomes one typed reading that the dialog acts on. Pure: no
 * botbuilder, no recognizer (the prompt asks the recognizer about `question` and `unclear` readings).
 */

import { CHINESE_DIGITS } from '../text/chineseNumerals.js';
import { expandColloquial } from './colloquial.js';

/** A field the dialog is asking for, or one it asked earlier (a correction may name either). */
export interface FieldExpectation {
  readonly key: string;
  /** The normalised value, or undefined when the text is not one. */
  readonly parse: (text: string) => string | undefined;
  /** Words that name this field in a reply ("the e-mail is …", 「邮箱写错了」, "what is a domain prefix?"). */
  readonly names?: RegExp;
  readonly optional?: boolean;
  /** Any text is an answer, a question included ("what do you need help with?" → "why does Outlook …?"). */
  readonly freeText?: boolean;
}

export interface ChoiceOption {
  readonly id: string;
  /** What the buttons say, in every language. */
  readonly titles: readonly string[];
  /** Close wordings that also pick it ("the standard one", 「第二个」 is handled by position). */
  readonly keywords?: RegExp;
}

export type Expectation =
  /** `fields`: what a confirmation summarises, so "no, the e-mail is …" corrects it instead of declining. */
  | { readonly kind: 'yesno'; readonly fields?: readonly FieldExpectation[] }
  | { readonly kind: 'choice'; readonly options: readonly ChoiceOption[] }
  | { readonly kind: 'field'; readonly field: FieldExpectation; readonly earlier?: readonly FieldExpectation[] };

export type Reading =
  | { readonly kind: 'answer'; readonly value: string | boolean; readonly note?: string }
  | { readonly kind: 'correction'; readonly field: string; readonly value: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'handoff' }
  | { readonly kind: 'help' }
  | { readonly kind: 'chitchat'; readonly about: 'bot' }
  | { readonly kind: 'question' }
  | { readonly kind: 'unclear' };

const norm = (text: string) => expandColloquial(text.normalize('NFKC')).trim().toLowerCase().replace(/\s+/g, ' ');
const TRAILING = /[\s.!。！~～,，;；…]+$/u;
const SEPARATOR = /^[\s.!。！~～,，;；:：…-]+/u;

const HANDOFF =
  /转人工|人工客服|(?:让|叫|找)(?:个)?人(?:给我)?(?:打|回)(?:个)?电话|给我(?:回|打)(?:个)?电话|\b(?:call|phone|ring) me\b|\bgive me a (?:call|ring)\b|\bhave (?:someone|somebody) (?:call|contact|phone)|找(个)?人工|真人客服|找(个)?(真)?人(来)?(帮|处理|聊)|\b(?:talk|speak|chat) (?:to|with) (?:a |an |someone|somebody|a real |your )?(?:person|human|agent|someone|support|engineer|staff|team)|\b(?:human|live|real) (?:agent|person|support)\b|\bget (?:me )?(?:someone|somebody|a person|a human|an agent)\b|(?:找|叫)(?:个|一个)人(?:来|帮|看)|^(?:an? )?(?:agent|human)(?: please)?$/u;
const CANCEL =
  /^(?:cancel(?: (?:it|that|this))?|stop|quit|exit|abort)\b|\b(?:forget it|forget about it|never ?mind|scrap (?:it|that)|call it off|not now|another time)\b|\b(?:i'?ll|we'?ll|let me) (?:do (?:it|this) |come back )?later\b|\b(?:don'?t|do not) bother\b|\b(?:on second thought|changed? (?:my|our) minds?|drop (?:it|that|this))\b|^(?:取消|退出)|算了|不办了|不弄了|不报了|不提了|先不办|先不弄|不要了|以后再说|改天|回头再|等会儿?再|下次再|晚点再|改主意/u;
/** "let's drop it", 「先不弄了」 anywhere in a short reply: stop what is under way. */
export function meansStop(text: string): boolean {
  const t = norm(text);
  return t.length <= 60 && CANCEL.test(t) && !isQuestion(text);
}

/** "what?", 「啥？」: the customer did not understand the question; explain it rather than leave it. */
const CONFUSED =
  /^(?:what|huh|pardon|what do you mean|i don'?t (?:understand|get it)|啥|什么|啥意思|什么意思|没看懂|看不懂|不懂|不明白)[\s?？!！。.]*$/u;
const BOT_IDENTITY =
  /\bare you (?:a |an )?(?:bot|robot|human|real|person|machine|ai)\b|\b(?:bot|robot) or (?:a )?(?:real |human|person)|(?:你|您)是(?:不是)?(?:机器人|真人|人工|ai|谁)|机器人还是(?:真)?人/u;

const LEAD = /^(?:(?:and|so|but|ok|okay|wait|also|then|hmm|oh|well),? )?/.source;
const WH_QUESTION = new RegExp(`${LEAD}(?:how|what|what's|whats|when|where|which|who|whom|why)\\b`);
// "do you accept…", "is it down", "can we…" ask; "do it", "can do" do not.
const SUBJECT = '(?:you|we|i|it|they|he|she|there|this|that|these|those|my|our|your|the|a|an|people|users?|someone|anyone|everyone|all)';
const AUX = '(?:can|could|do|does|did|is|are|was|were|will|would|should|may|shall|am|have|has|must)';
// "do it for us" asks for the thing to be done, "does it work" asks.
const AUX_QUESTION = new RegExp(`${LEAD}(?!do (?:it|this|that)\\b)${AUX}(?:n't)? ${SUBJECT}\\s+\\S`);

/** Words that only announce a question ("can I ask first,", 「我能先问下，」, "btw"): the question follows them. */
const PREAMBLE =
  /^\s*(?:(?:我|我们)?(?:能|可以|想)?(?:先|再|顺便)?问(?:一)?下[，,、:：\s]*|请问[，,、\s]*|对了[，,、\s]+|另外[，,、\s]+|(?:quick question|can i ask (?:you )?(?:something|a question)(?: first)?|may i ask|one more thing|by the way|btw)\s*[,:;.!?-]?\s+)/iu;

/** The message without a preamble that only announces the question, when a question of some length remains. */
export function withoutPreamble(text: string): string {
  const rest = text.replace(PREAMBLE, '');
  return rest !== text && rest.trim().length >= 4 ? rest.trim() : text;
}

/** A reply that asks something rather than answers. */
export function isQuestion(text: string): boolean {
  const t = norm(text);
  if (/[?？]/.test(t)) return true;
  // "exchange was down all morning, do we get anything back?": the question may be the last clause.
  if (t.split(/[,，;；]\s*/).some((clause) => WH_QUESTION.test(clause) || AUX_QUESTION.test(clause))) return true;
  // 「你们能开专票不」: a clause ending in 不 after a modal verb asks, like 能不能.
  return /怎么|怎样|如何|为什么|为啥|干嘛|多久|多长|多少|几[天个月号点时钟次]|哪[里儿个些天年月]|哪一天|什么|啥|吗[\s，,。！!]|吗$|呢[\s，。！!]*$|是否|能否|可否|能不能|可不可以|行不行|对不对|好不好|要不要|会不会|是不是|有没有|咋|(?:能|会|可以|有|支持)[^，,。！!\s]{1,12}(?:不|没有?)(?=[，,。\s]|$)/.test(
    t,
  );
}

// Leading confirmations and refusals; what follows them is kept as a note ("好，顺便把上个月的也开了").
const YES_LEAD =
  /^(?:yes please|yes|yeah|yep|yup|sure thing|sure|ok(?:ay)?|alright|all right|fine|of course|absolutely|definitely|correct|right|confirm(?:ed)?|go ahead|go for it|please do|do it|let'?s do it|sounds good|that'?s (?:right|correct|fine)|looks good|send it|submit(?: it)?|please|是的|是啊|是|对的|对啊|对|好的|好啊|好吧|好嘞|好|行吧|行|可以的|可以|确认|确定|没错|没问题|嗯嗯|嗯|当然|同意|提交吧|提交|发吧|办吧|麻烦(?:你|您)?了|那就这样|就这样|要的|要)(?=$|[\s.!。！~～,，;；:：…-]|(?![a-z]))/u;
const NO_LEAD =
  /^(?:no thanks|no thank you|no|nope|nah|not now|not yet|not really|maybe later|later|don'?t|do not|keep it|leave it|不用了|不用|不要了|不要|不需要|不必了|不必|不了|先不用|先不要|先不|暂时不用|暂时不|等等再说|再说吧|以后再说|不是|否|别)(?=$|[\s.!。！~～,，;；:：…-]|(?![a-z]))/u;
// Whole replies that agree or refuse without a leading word.
const YES_PHRASE =
  /^(?:(?:yes |yeah |ok |sure )?(?:please )?(?:ping|message|tell|notify|text|email|let) me(?: know)? (?:when|once|if|as soon as)\b.*|(?:好的?|行|可以)?[，,]?(?:好了|修好了?|恢复了?)(?:以后)?(?:告诉|通知|提醒)(?:我|我们)(?:一声|一下)?(?:吧)?|(?:yes |yeah |ok )?(?:can|could|would) you (?:guys |please )?(?:just )?(?:do|handle|sort|take care of|reset|fix|set up|change|add|turn on|enable) (?:it|that|this|them)(?: for (?:me|us)| on your (?:end|side))?(?: please)?|(?:please |pls )?(?:send|submit|file|raise|open|do|make|process) (?:it|that|the request|this)(?: please| for me| for us| now)?|(?:yes )?please proceed|proceed|(?:那)?(?:你们?|您)?(?:那)?(?:就|直接)?(?:帮|替)(?:我|我们)(?:弄|办|处理|提交|开|加|改|重置|打开|转|搞|做)(?:了)?(?:一下)?(?:吧)?|你们(?:就|直接)?帮(?:我|我们)?.*吧|(?:那)?(?:就)?(?:这么|这样)办吧|提交吧|麻烦了|拜托了)$/u;
const NO_PHRASE =
  /^(?:(?:actually,? )?(?:let'?s |i'?d rather |we'?d rather |we'?ll |i'?ll )?hold off(?: (?:on it|on that|for now|for a bit))*|(?:i'?ll|we'?ll) (?:do|handle|manage) it (?:myself|ourselves)|no need|not needed|(?:我|我们)自己(?:来|弄|处理)(?:吧)?|自己来(?:吧)?|(?:那)?(?:还是)?(?:先)?(?:留着|保留(?:着)?|不退了|不取消了)(?:吧)?)(?=$|[\s.!。！~～,，;；:：…-])/u;

/** Yes or no with whatever follows kept as a note; undefined when the reply is neither. */
export function readYesNo(text: string): { value: boolean; note?: string } | undefined {
  const t = norm(text).replace(TRAILING, '');
  if (t === '') return undefined;
  for (const [re, value] of [
    [NO_LEAD, false],
    [YES_LEAD, true],
  ] as const) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length).replace(SEPARATOR, '').trim();
    // 「对了，…？」 and "ok, how much is it?" ask something; "是不是…" is a question, not a yes.
    if (rest !== '' && isQuestion(rest)) return undefined;
    if (value && /^(?:不|没)(?!问题|毛病|错)/.test(rest)) return undefined;
    // 「嗯嗯，好的」, "ok sure", "no, no thanks": the same answer said twice carries no note.
    const again = rest === '' ? undefined : readYesNo(rest);
    if (again?.value === value && again.note === undefined) return { value };
    return rest === '' ? { value } : { value, note: rest };
  }
  if (NO_PHRASE.test(t)) return { value: false };
  if (YES_PHRASE.test(t)) return { value: true };
  return undefined;
}

const POLITE = /^(?:thanks|thank you|thx|cheers|谢谢|多谢|谢了|感谢)/u;
/** Only a correction word ("wrong", 「不对」): something is wrong, but no new value is given. */
const BARE_CORRECTION =
  /^(?:不对|不是|错了|写错了|说错了|no|nope|wrong|sorry|oops|actually|wait|that'?s wrong|it'?s wrong|[\s.!。！~～,，;；:：…-])+$/u;
const CORRECTION =
  /^(?:(?:please )?(?:change|update|set|make) (?:the |my |our )?[\w -]{1,20}? to\b|不对|不是|错了|写错了|说错了|更正(?:一下)?|改一下|改成|应该是|no|nope|wrong|sorry|oops|actually|correction|wait|i mean|i meant|(?:that|it)(?:'s| was| is) wrong)\b|不对|写错|说错|打错|应该是|改成|改为|typo|i meant|should (?:be|have been)|instead of/u;

/** "不对，是 X" / "no, the e-mail is X": a value for this or an earlier field. */
function readCorrection(text: string, current: FieldExpectation | undefined, earlier: readonly FieldExpectation[]): Reading | undefined {
  const t = norm(text);
  if (!CORRECTION.test(t) || BARE_CORRECTION.test(t)) return undefined;
  const candidates = [...earlier, ...(current ? [current] : [])];
  // A field named in the reply wins; else the first whose parser finds a value in it.
  const named = candidates.filter((f) => f.names?.test(t));
  // What follows the first "is" / 「是」 ("no, the company is Contoso Ltd"; "the name is wrong, it should be …"), not the whole reply.
  const rest = text
    .replace(/^.*?(?:(?<!不)是|\b(?:is|was)\b(?! wrong)|\bshould be\b|\bto\b|应该是|改成|改为)[\s:：]*/u, '')
    .replace(/^["'“”‘’「」『』]+|["'“”‘’「」『』]+$/gu, '');
  for (const f of [...named, ...candidates]) {
    const value = f.parse(rest.trim()) ?? f.parse(text.trim()) ?? lastToken(text, f);
    if (value !== undefined) return f.key === current?.key ? { kind: 'answer', value } : { kind: 'correction', field: f.key, value };
  }
  return undefined;
}

/** The last word-like piece of the reply that parses as the field ("sorry, typo, it's x@y.cn"). */
function lastToken(text: string, f: FieldExpectation): string | undefined {
  const pieces = text
    .split(/[\s,，:：;；]+/u)
    .filter(Boolean)
    .reverse();
  for (const p of pieces) {
    const v = f.parse(p.replace(/[.。!！]+$/u, ''));
    if (v !== undefined) return v;
  }
  return undefined;
}

const SKIP =
  /^(?:skip(?: it| this| that)?|pass|n\/?a|none|no idea|no clue|not a clue|not sure|dunno|idk|beats me|don'?t know|i don'?t know|(?:i |we )?don'?t have (?:it|one|that|any)|no,? we don'?t have (?:it|one)|haven'?t got (?:it|one)|跳过|略过|不填|先不填|没有|没有的|无|不知道|不晓得|不太清楚|不清楚|不记得|记不清|没印象|没有这个|没这个)[了啊呀吧]?(?:[\s.!。！,，]|$)/u;
const META_QUESTION =
  /where (?:do|can|would) (?:i|we) (?:find|get|see|look)|在哪(?:里|儿)?(?:找|看|查|获取)|哪里(?:找|看|查)|怎么(?:找|查|获取|拿到)|什么意思|啥意思|是什么|是啥|为什么要|为啥要|为何要|干嘛用|有什么用|怎么填|填什么|随便填|格式|what (?:does|do) .* mean|what(?:'s| is) (?:a |an |the )?|why do (?:you|i|we) need|why (?:is|does) (?:it|that)|what for|how should i (?:write|fill)|what should i (?:put|write|enter)/u;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  ...CHINESE_DIGITS,
};

/** The option whose title the text is, exactly (a button click, or the title typed); no close wordings. */
export function readTitle(text: string, options: readonly ChoiceOption[]): string | undefined {
  const t = norm(text).replace(TRAILING, '');
  return options.find((o) => o.titles.some((title) => norm(title).replace(TRAILING, '') === t))?.id;
}

/** A choice by position ("2", 「第二个」, "the second one"), by its title, or by a close wording. */
export function readChoice(text: string, options: readonly ChoiceOption[]): string | undefined {
  const t = norm(text).replace(TRAILING, '');
  const position =
    /^(?:option |no\.? ?|number |#)?(\d{1,2})$/.exec(t)?.[1] ??
    /^(?:the )?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?: one)?$/.exec(t)?.[1] ??
    /^第?([一二两三四五六七八九\d])(?:个|项|种|条)?$/.exec(t)?.[1];
  if (position !== undefined) {
    const n = /^\d+$/.test(position) ? Number(position) : NUMBER_WORDS[position];
    return n !== undefined ? options[n - 1]?.id : undefined;
  }
  const exact = options.find((o) => o.titles.some((title) => norm(title) === t));
  if (exact) return exact.id;
  const keyword = options.filter((o) => o.keywords?.test(t));
  if (keyword.length === 1) return keyword[0]!.id;
  // Close wording: the option sharing the most distinctive words with the reply, if one clearly does.
  const words = (s: string) =>
    new Set(
      norm(s)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3 || /\p{Script=Han}/u.test(w)),
    );
  const said = words(t);
  const scored = options
    .map((o) => ({
      id: o.id,
      score: Math.max(...o.titles.map((title) => [...words(title)].filter((w) => said.has(w) || (w.length >= 4 && t.includes(w))).length)),
    }))
    .sort((a, b) => b.score - a.score);
  if (scored[0] && scored[0].score > 0 && scored[0].score > (scored[1]?.score ?? 0)) return scored[0].id;
  const contained = options.filter((o) => o.titles.some((title) => t.length >= 2 && (norm(title).includes(t) || t.includes(norm(title)))));
  return contained.length === 1 ? contained[0]!.id : (keyword[0]?.id ?? undefined);
}

/** Reads a reply to a question the bot asked. */
export function interpretAnswer(text: string, e: Expectation): Reading {
  const t = norm(text);
  if (t === '') return { kind: 'unclear' };
  if (BOT_IDENTITY.test(t)) return { kind: 'chitchat', about: 'bot' };
  if (HANDOFF.test(t)) return { kind: 'handoff' };
  if (CONFUSED.test(t)) return { kind: 'help' };
  if (e.kind === 'yesno') {
    const yn = readYesNo(text);
    // "no" / "no thanks" decline even when a summarised field would take them as a value (a name).
    const plain = yn && (yn.note === undefined || POLITE.test(yn.note));
    if (yn && plain) return { kind: 'answer', value: yn.value, ...(yn.note && { note: yn.note }) };
    const correction = e.fields ? readCorrection(text, undefined, e.fields) : undefined;
    if (correction) return correction;
    if (yn) return { kind: 'answer', value: yn.value, ...(yn.note && { note: yn.note }) };
    if (CANCEL.test(t)) return { kind: 'answer', value: false };
    return isQuestion(text) ? { kind: 'question' } : { kind: 'unclear' };
  }
  if (e.kind === 'choice') {
    const id = readChoice(text, e.options);
    if (id !== undefined && !(isQuestion(text) && t.length > 24)) return { kind: 'answer', value: id };
    if (CANCEL.test(t) || NO_LEAD.test(t)) return { kind: 'cancel' };
    return isQuestion(text) ? { kind: 'question' } : { kind: 'unclear' };
  }
  // A long free-text answer may say "later" or 算了 in passing; only a short one means stop.
  if (CANCEL.test(t) && !(e.field.freeText && t.length > 40)) return { kind: 'cancel' };
  // "no idea" at an optional question skips it; it corrects nothing said before.
  if (e.field.optional && SKIP.test(t)) return { kind: 'skip' };
  const correction = readCorrection(text, e.field, e.earlier ?? []);
  if (correction) return correction;
  // A title or description may be phrased as a question, but a short question there is asked of us.
  if (isQuestion(text) && (!e.field.freeText || t.length <= 80)) {
    // "what is a domain prefix?", 「为啥要提供域名」: about this question, not a new request.
    if (META_QUESTION.test(t) && (e.field.names?.test(t) || /这个|这里|this|that|it\b/.test(t) || t.length <= 16)) return { kind: 'help' };
    if (e.field.names?.test(t) && t.length <= 30) return { kind: 'help' };
    return { kind: 'question' };
  }
  // 「那你直接帮我们办了吧」 at "company name?" agrees to go on; it is no company's name.
  const agreed = readYesNo(text);
  if (agreed && agreed.note === undefined && !e.field.freeText) return { kind: 'unclear' };
  const value = e.field.parse(text.trim());
  return value !== undefined ? { kind: 'answer', value } : { kind: 'unclear' };
}
