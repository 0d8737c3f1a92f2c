import { isQuestion } from '../nlu/answerInterpreter.js';
import type { Article } from './article.js';

/** Asking how to do something, as opposed to asking about one's own invoice, subscription or ticket. */
const HOW_TO: Readonly<Record<Article['locale'], RegExp>> = {
  'zh-CN': /怎么|怎样|如何|咋|在哪|哪里|去哪|哪儿|哪个网|什么是|是什么|能不能|能否|可以.*吗|流程|步骤|需要.*什么|要.*哪些/,
  en: /^\s*(how|where|what|which|can|could|do|does|should|is|are)\b|\bhow (do|can|to|should|does)\b|\bwhere (do|can|should|is|are) (i|we|you)\b|\bwhich (site|website|url|page|address|link)\b/i,
};
/**
 * Situations every new user meets, answered the same for anyone, even when written as a statement or with
 * "my account" in it ("first time login with my temporary password"): the article, not the set-up menu.
 */
const SELF_SERVICE: Readonly<Record<Article['locale'], RegExp>> = {
  'zh-CN': /第一次登|首次登|临时密码|初始密码/,
  en: /\bfirst[- ]time\b|\bfirst (login|log ?in|sign[- ]?in)\b|\btemp(orary)? ?pass|\binitial password\b/i,
};
/** Words that point at the customer's own records: the task dialog, which looks them up, answers those better. */
const OWN_RECORDS: Readonly<Record<Article['locale'], RegExp>> = {
  'zh-CN': new RegExp(
    '我的|我们的|我司的|上个月|这个月|本月|上月|去年|今年|最近一期|最新一期|这张|那张|T-\\d+|我们(?:最新|最近|这期|上期)' +
      '|我们(?:是不是|有没有|还有|现在)?[^，。？?]{0,6}(?:账单|发票|订阅|许可证|工单)|(?:账单|费用)[^，。？?]{0,4}(?:多少钱|逾期|欠)' +
      '|(?:我们|有没有|是不是).{0,8}(?:欠费|逾期|没付|未付|没交|漏交|漏付)',
    'i',
  ),
  en: new RegExp(
    '\\b(my|our)\\s+(\\w+\\s+)?(invoice|bill|payment|subscription|licen[cs]e|order|ticket|renewal)s?\\b' +
      '|\\b(my|our) account (balance|statement)' +
      '|\\b(last|this|next)\\s+month\\b|\\bT-\\d+\\b|\\blatest (invoice|bill)|\\bwe owe\\b' +
      '|\\b(did|do|have|are) we\\b.*\\b(miss|owe|overdue|behind)' +
      '|\\b(we|us)\\b.{0,30}\\b(overdue|unpaid|past due|outstanding|behind on|miss(ed)? (a |any |the )?payments?)',
    'i',
  ),
};

/**
 * Where to see what has been spent or used so far ("where do I check how much we've burned on Azure this
 * month", 「这个月花了多少在哪看」): the bot holds invoices, not running usage, so the article on where to look.
 */
const WHERE_SPENT =
  /(?:在哪|哪里|哪儿|去哪|从哪|怎么)[^，,。？?]{0,4}(?:看|查)[^，,。？?]{0,8}(?:花|费用|消费|用量|用了多少)|(?:花了|花费|消费|用量|用了多少)[^。？?]{0,12}(?:在哪|哪里|哪儿|去哪|从哪)[^，,。？?]{0,3}(?:看|查)|\bwhere (?:do|can|could|should) (?:i|we) (?:see|check|find|view|look)\b.{0,40}\b(?:spen[dt]|spending|burn(?:ed|t)?|usage|used|costs?|consumption)\b/i;

/** Asking us to do the task ("can you set us up", 「帮我们开通」): the task dialog, not the article about it. */
const DO_IT_FOR_US: Readonly<Record<Article['locale'], RegExp>> = {
  'zh-CN': /(?:帮|替)(?:我|我们)(?:开通|注册|开户|办理)/,
  en: /\b(?:set|sign) (?:us|me|my company|our company) up\b/i,
};

/** Confidence an article needs before it answers a question the recognizer gave to a task dialog. */
export const DIRECT_ANSWER_CONFIDENCE = 0.45;
/** "What if we don't convert the trial?" asks what happens, which only an article says: a lower bar. */
const WHAT_IF =
  /\bwhat if\b|\bwhat happens\b|\bwill we lose\b|\bwould we\b|\bautomatically\b|要是|如果|万一|会怎么样|会怎样|会不会|自动(?:转|扣|续)/i;
const WHAT_IF_CONFIDENCE = 0.3;
/** Compensation for an outage is a question about the service's terms (the SLA article), not about its state now. */
const COMPENSATION =
  /赔偿|补偿|赔付|索赔|服务等级协议|服务级别协议|\bsla\b|\bcompensat|\bservice credits?\b|\b(?:get|claim|owed?) (?:a |any )?credits?\b|\bcredits? for (?:the |that |this )?(?:outage|downtime)|\b(?:get|got) (?:anything|something|money|some money|any money) back\b|\brefund for (?:the |that |this )?(?:outage|downtime)/i;

/** "邮箱挂了半天，能要求赔偿吗": the outage is the reason for the question, compensation is what it asks. */
export function asksForCompensation(question: string): boolean {
  return COMPENSATION.test(question);
}

/**
 * Whether a question that belongs to a task intent (billing, subscription, account set-up) is really
 * a general how-to that an article answers directly ("how do I get a fapiao"), given the best
 * article's confidence (a function: the search runs only for questions phrased as a how-to).
 */
export function answersDirectly(question: string, locale: Article['locale'], confidence: number | (() => number)): boolean {
  // A general question ("do you accept Alipay?", 「你们能开专票吗」) is answered before anything is looked up.
  const selfService = SELF_SERVICE[locale].test(question) || WHERE_SPENT.test(question);
  if (!(selfService || HOW_TO[locale].test(question) || isQuestion(question))) return false;
  if (!selfService && (OWN_RECORDS[locale].test(question) || DO_IT_FOR_US[locale].test(question))) return false;
  const bar = WHAT_IF.test(question) || COMPENSATION.test(question) ? WHAT_IF_CONFIDENCE : DIRECT_ANSWER_CONFIDENCE;
  return (typeof confidence === 'number' ? confidence : confidence()) >= bar;
}
