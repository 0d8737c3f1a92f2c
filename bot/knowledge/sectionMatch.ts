import type { Section } from './section.js';
import { searchTokens, type QueryTerm } from './searchTerms.js';

/**
 * Kinds of question that name no topic word but ask for a kind of fact ("how long does it take?",
 * "多少钱"): they match the sections that state one (a duration, a price).
 */
const CONCEPTS: ReadonlyArray<{ readonly question: RegExp; readonly text: RegExp }> = [
  {
    question:
      /\bhow long\b|\bhow many (minutes|hours|days|weeks)\b|\bhow soon\b|\bwhen will\b|\bdeadline\b|\btime limit\b|多久|多长时间|几天|几个小时|几分钟|多少天|期限|什么时候(能|会|生效)/i,
    // A duration, or the window or deadline it is counted in ("inside the cancellation window").
    text: /\d+\s*(?:(?:-|–|~|to|到|至)\s*\d+\s*)?(?:minutes?|mins?|hours?|hrs?|(?:business |working )?days?|weeks?)\b|[\d一二三四五六七八九十两几半]+\s*个?(?:分钟|小时|工作日|天|周)|\bwindow\b|\bdeadline\b|期限|窗口期/i,
  },
  {
    // 「那条不加行不行」, "what if we skip it?": the passage that says what goes wrong without it.
    question:
      /不加|不添加|不配置?|不设置?|不装|不开(?:启)?|\bskip(?:ping)?\b|\bleave (?:it|that) out\b|\bwithout (?:it|that|this)\b|\bdon'?t (?:add|set|configure|enable)\b/i,
    text: /缺了|缺少|没有(?:它|这条)|不然|否则|\bwithout\b|\botherwise\b|\bmissing\b|\bif you don'?t\b/i,
  },
  {
    // 「那是几号啊」, "which day is that?": the passage that names a day.
    question: /几号|哪天|哪一天|什么日子|星期几|周几|\bwhich day\b|\bwhat (?:date|day)\b|\bwhat day of\b/i,
    text: /星期[一二三四五六日天]|周[一二三四五六日]|\d+\s*[日号]|第[一二三四\d]个|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b\d+(?:st|nd|rd|th)\b/i,
  },
  {
    // "Why is it off by default?": the sentence that gives the reason.
    question: /\bwhy\b|为什么|为何|为啥|怎么会/i,
    text: /\bbecause\b|\bso that\b|\breason|\bdue to\b|因为|由于|为了|原因/i,
  },
  {
    // "How do we pay you?": the means of payment.
    question:
      /\bhow (?:do|can|should|would) (?:we|i) pay\b|\bpay (?:by|with|via)\b|\bpayment methods?\b|怎么(?:付|支付|交|缴)|付款方式|支付方式/i,
    text: /\bbank transfer|\btransfer\b|\balipay\b|\bwechat pay\b|对公|转账|汇款|支付宝|微信支付/i,
  },
  {
    // "What should the autodiscover record be?": the value to enter, a host name or an address.
    question:
      /\bwhat should\b(?=.{0,40}\bbe\b)|\bwhat (?:value|address)\b|\bpoints? to\b|填什么|填啥|写什么|值是|指向|设成什么|设置成什么/i,
    text: /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:cn|com|net)\b|\b\d{1,3}(?:\.\d{1,3}){3}\b/i,
  },
  {
    // "Will people already signed in be kicked out?": when a change reaches the people it affects.
    question:
      /\balready (?:signed|logged) in\b|\bkicked out\b|\bsigned out\b|\btake effect\b|\bright away\b|\bimmediately\b|生效|踢|掉线|马上|立即|立刻/i,
    text: /\bnext (?:time )?.{0,20}sign|\bnext sign-in\b|\bimmediately\b|\bright away\b|下次登录|立即|马上|生效/i,
  },
  {
    // "Will we lose our mailboxes?": what happens to the data.
    question: /\blos[et]\b|\blosing\b|\bgone\b|\bwiped\b|\bdeleted\b|丢失|丢了|没了|删掉|被删|还在吗|还在不在/i,
    text: /\bdelet|\bretain|\bretention|\bdata\b|数据|删除|保留/i,
  },
  {
    // "What paperwork do you need?": the list of documents to prepare.
    question: /\bpaperwork\b|\bdocuments?\b|\bwhat (?:do|does) (?:you|it) need from\b|材料|资料|证件|需要提供|要提供/i,
    text: /\bbusiness licen[cs]e\b|\bscan\b|\bprepare\b|\bcredit code\b|营业执照|扫描件|准备|信用代码/i,
  },
  {
    question: /\bhow much\b|\bcosts?\b|\bprices?\b|\bfees?\b|多少钱|费用|价格|收费/i,
    text: /[¥￥]|\d+\s*元|\b(rmb|cny)\b|\bfree\b|免费|收费|\bpric(e|ing)\b|价格|费用/i,
  },
];

/** A section with the search words of its heading and text. */
export interface IndexedSection {
  readonly section: Section;
  readonly words: ReadonlySet<string>;
}

export interface SectionMatch {
  readonly section: Section;
  /** Share of the question's weight that the section accounts for: 0..1. */
  readonly coverage: number;
}

/**
 * The section of one article that best answers `question`, by the rarity-weighted share of its words
 * found in the section, plus the kind of fact it asks for; null when no section has any of it.
 */
export function bestSection(
  sections: readonly IndexedSection[],
  question: string,
  terms: readonly QueryTerm[],
  weight: (t: QueryTerm) => number,
): SectionMatch | null {
  const concepts = CONCEPTS.filter((c) => c.question.test(question));
  // The words that ask for the fact ("long" in "how long") are the fact asked for, not a topic to find.
  const asking = new Set(concepts.flatMap((c) => searchTokens(c.question.exec(question)![0])));
  const topical = terms.filter((t) => !asking.has(t.term));
  // A kind of fact asked for is what the question is about: it weighs twice the heaviest word.
  const conceptWeight = 2 * Math.max(1, ...topical.map(weight));
  const total = topical.reduce((sum, t) => sum + weight(t), 0) + concepts.length * conceptWeight;
  if (total === 0) return null;
  let best: (SectionMatch & { mentions: number }) | null = null;
  for (const s of sections) {
    const found = topical.reduce((sum, t) => sum + (s.words.has(t.term) ? weight(t) : 0), 0);
    const facts = concepts.filter((c) => c.text.test(s.section.text)).length * conceptWeight;
    const coverage = (found + facts) / total;
    // Between equals, the one that says the fact most (the data-retention note, not a step that deletes).
    const mentions = concepts.reduce((n, c) => n + (s.section.text.match(new RegExp(c.text.source, 'gi'))?.length ?? 0), 0);
    if (coverage > 0 && (!best || coverage > best.coverage || (coverage === best.coverage && mentions > best.mentions))) {
      best = { section: s.section, coverage, mentions };
    }
  }
  return best && { section: best.section, coverage: best.coverage };
}

/**
 * A question that asks for a kind of fact and names at most one other word ("how long does it take?",
 * "要多久？"): it leans on what was just shown, and means that article even if another one also matches.
 */
export function leansOnContext(question: string): boolean {
  const concepts = CONCEPTS.filter((c) => c.question.test(question));
  if (concepts.length === 0) return false;
  const asking = new Set(concepts.flatMap((c) => searchTokens(c.question.exec(question)![0])));
  return new Set(searchTokens(question).filter((t) => !asking.has(t))).size <= 1;
}

/** A question that asks for one kind of fact (a duration, a value, a reason, a price…), which one passage states. */
export function asksForFact(question: string): boolean {
  return CONCEPTS.some((c) => c.question.test(question));
}

/** Words that point back at what was just shown: "and on Android?", "what about it", 「华为手机呢」, 「那条不加行不行」. */
const BACK =
  /^\s*(?:and|but|so|also|what about|how about|then)\b|\b(?:it|its|that|this|they|them|those|these|there|one)\b|^\s*(?:那|这|它|也|还有|那么)|(?:那|这)(?:个|条|些|一步|里)|呢\s*[?？]?\s*$|也(?:是|要|能|可以|一样)/i;

/** A question that refers back to what was just shown, by a pronoun or a "what about …" form. */
export function refersBack(question: string): boolean {
  return BACK.test(question);
}
