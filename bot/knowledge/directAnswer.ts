import { isQuestion } from '../nlu/answerInterpreter.js';
import type { Article } from './article.js';

/** Asking how to do something, as opposed to asking about one's own invoice, subscription or ticket. */
const HOW_TO: Readonly<Record<Article['locale'], RegExp>> = {
  'zh-CN': /怎么|怎样|如何|咋|在哪|哪里|什么是|是什么|能不能|能否|可以.*吗|流程|步骤|需要.*什么|要.*哪些/,
  en: /^\s*(how|where|what|which|can|could|do|does|should|is|are)\b|\bhow (do|can|to|should|does)\b/i,
};
/** Words that point at the customer's own records: the task dialog, which looks them up, answers those better. */
const OWN_RECORDS: Readonly<Record<Article['locale'], RegExp>> = {
  'zh-CN':
    /我的|我们的|我司的|上个月|这个月|本月|上月|去年|今年|最近一期|最新一期|这张|那张|T-\d+|我们(?:是不是|有没有|还有|现在)?[^，。？?]{0,6}(?:账单|发票|订阅|许可证|工单)|(?:账单|费用)[^，。？?]{0,4}(?:多少钱|逾期|欠)/i,
  en: /\b(my|our)\s+(\w+\s+)?(invoice|bill|payment|subscription|licen[cs]e|order|ticket|renewal|account)s?\b|\b(last|this|next)\s+month\b|\bT-\d+\b|\b(did|do|have|are) we\b.*\b(miss|owe|overdue|behind)|\bwe owe\b|\blatest (invoice|bill)/i,
};

/** Confidence an article needs before it answers a question the recognizer gave to a task dialog. */
export const DIRECT_ANSWER_CONFIDENCE = 0.45;
/** "What if we don't convert the trial?" asks what happens, which only an article says: a lower bar. */
const WHAT_IF = /\bwhat if\b|\bwhat happens\b|\bwill we lose\b|\bwould we\b|要是|如果|万一|会怎么样|会怎样|会不会/i;
const WHAT_IF_CONFIDENCE = 0.3;

/**
 * Whether a question that belongs to a task intent (billing, subscription, account set-up) is really
 * a general how-to that an article answers directly ("how do I get a fapiao"), given the best
 * article's confidence (a function: the search runs only for questions phrased as a how-to).
 */
export function answersDirectly(question: string, locale: Article['locale'], confidence: number | (() => number)): boolean {
  // A general question ("do you accept Alipay?", 「你们能开专票吗」) is answered before anything is looked up.
  if (!(HOW_TO[locale].test(question) || isQuestion(question)) || OWN_RECORDS[locale].test(question)) return false;
  const bar = WHAT_IF.test(question) ? WHAT_IF_CONFIDENCE : DIRECT_ANSWER_CONFIDENCE;
  return (typeof confidence === 'number' ? confidence : confidence()) >= bar;
}
