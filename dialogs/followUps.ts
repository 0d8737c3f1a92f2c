import type { TurnContext } from 'botbuilder';
import type { Locale } from '../bot/i18n/locale.js';
import { messages } from '../bot/i18n/messages.js';
import type { CustomerDirectory } from '../bot/directory/customerDirectory.js';
import { chinaToday } from '../bot/directory/format.js';
import type { Invoice, InvoiceLine } from '../bot/directory/types.js';
import type { Focus } from '../bot/conversation/focus.js';
import { formatOpening, supportWindow } from '../bot/escalation/supportHours.js';
import type { HealthSource } from '../bot/health/types.js';
import { isQuestion } from '../bot/nlu/answerInterpreter.js';
import { extractEntities } from '../bot/nlu/entities.js';
import { SERVICE_NAMES } from '../bot/nlu/serviceNames.js';
import { DIRECT_ANSWER_CONFIDENCE } from '../bot/knowledge/directAnswer.js';
import type { Intent } from '../bot/nlu/intents.js';
import { explainInvoice } from './billingAnswers.js';
import { BILLING_TOPICS, SUBSCRIPTION_CHANGES } from './customerTopics.js';
import type { SectionView } from '../bot/cards/sectionCard.js';
import type { CustomerLookup } from './customerIdentity.js';
import type { AnswerSource, FaqSection } from './faqPorts.js';
import type { TicketStore } from '../bot/tickets/types.js';

/** How a follow-up is answered: a reply, the passage of the article shown, or the dialog that acts on it. */
export type FollowUp =
  | { readonly kind: 'say'; readonly text: string; readonly focus?: Focus }
  | { readonly kind: 'passage'; readonly articleId: string; readonly section: FaqSection; readonly card: SectionView }
  | { readonly kind: 'route'; readonly intent: Intent };

export interface FollowUpDeps {
  readonly articles: Pick<AnswerSource, 'followUp' | 'get'> & Partial<Pick<AnswerSource, 'best' | 'bestScore'>>;
  readonly directory?: CustomerDirectory;
  readonly health?: HealthSource;
  /** Who is asking: after a trial article, "how many days are left?" is about their own trial. */
  readonly customer?: CustomerLookup;
  /** The ticket just opened, for "how long will it take?". */
  readonly tickets?: Pick<TicketStore, 'get'>;
  readonly now?: () => Date;
}

/** Set-up articles whose task we can do for the customer ("do it for us" after reading one). */
const ACTION_ARTICLES: ReadonlySet<string> = new Set([
  'account/sign-up',
  'account/reset-password',
  'account/add-users',
  'account/custom-domain',
  'account/mfa',
]);
const DO_IT =
  /(?:帮|替)(?:我|我们)(?:办|弄|做|处理|搞|开通|开|操作|申请)|你们(?:来)?(?:帮|替)?(?:我们)?(?:办|弄|做|处理)|\b(?:do it|sort it|set it up|handle it|sign us up) for (?:us|me)\b|\b(?:can|could) you (?:guys |all )?(?:just |please )?(?:do|handle|sort|take care of) (?:it|that|this)\b|\bjust do it for (?:me|us)\b|\blet'?s (?:do|start) (?:it|that|this)\b|\bget (?:it|that|this|us) (?:going|started)\b|\bplease (?:do it|go ahead)\b/;

/** Articles about a subscription's term, after which "how long do we have?" is about the customer's own. */
const TERM_ARTICLES: ReadonlySet<string> = new Set(['subscription/trial', 'subscription/trial-expiry', 'subscription/renewal']);

// What a short follow-up asks about each kind of thing shown; both languages, lower case.
const PREVIOUS = /before that|previous|earlier|last month|prior|上一期|上个月|上月|前一期|之前那|再往前|再前面/;
const DUE =
  /\bdue\b|deadline|when .*\bpay|pay (it|by|before)|截止|到期|几号|最晚|什么时候.{0,3}(付|交|缴|支付)|(付|交|缴)款.{0,2}(时间|日期)/;
const LATE =
  /\bpay (?:it )?late\b|\blate payment|\bdon'?t pay\b|\bnot pay(?:ing)?\b|\boverdue\b|逾期|晚(?:几天|点|些|了)?(?:交|付|缴)|拖着不|一直不(?:付|交|缴)|不(?:付|交|缴)(?:的话|会)|停(?:我们的)?服务/;
const ASKS_WHEN = /\bwhen\b|\bby when\b|what date|which day|截止|到期|几号|最晚|哪天|哪一天|什么时候|何时/;
const LINES = /\blines?\b|breakdown|what'?s on it|what is on it|itemi[sz]ed|明细|包括|包含|有哪些/;
const AMOUNT_ASKED = /what('s| is)|for what|什么钱|是什么|干嘛的|哪来的|哪里来/;
const TERM =
  /renew|expir|\bends?\b|ending|days? left|still have|how long (do|have|until|till)|how many days|剩|几天|到期|过期|续订|续费|自动续|什么时候结束|截止/;
const PRICE = /how much|\bcost|\bprice|多少钱|价格|价钱|费用|单价/;
const ACTION =
  /转正|转为?正式|转成正式|转付费|转为付费|\bconvert|keep it|turn (it )?(on|off)|switch (it )?(on|off)|打开|开启|关掉|关闭|帮我(开|关)/;
const NOTIFY_OFF = /不用(通知|告诉)|别(通知|告诉)|don'?t (need to )?(notify|tell|message)|no need to (notify|tell)/;
const NOTIFY = /let me know|tell me|notify|message me|ping me|告诉我|通知我|提醒我|说一声|通知一下/;
const ETA =
  /多久|什么时候|何时|恢复|能好|修好|好了没|进展|有消息|怎么样了|最新|\bwhen\b|how long|how soon|\beta\b|fixed|back up|resolved|\bupdates?\b|progress|news|any word/;
const IMPACT = /影响|哪些人|范围|严重|\bwho\b|affect|impact|how bad|serious/;
const SINCE =
  /how long has|since when|when did (?:it|this|that) (?:start|begin)|started when|什么时候开始|从什么时候|从啥时候|多久了|持续多久了/;
const TICKET_ASKED =
  /status|update|progress|news|anyone|how long|how soon|\bwhen\b|what happens|what now|next|进展|状态|怎么样|处理|多久|多长时间|几天|什么时候|啥时候|何时|有人|办好|办完|弄好|搞好|能好|好了没|搞定|完成|结果|接下来/;

/**
 * Answers a short follow-up from the conversation's focus, the last thing the bot showed: the passage of
 * the article ("how soon does it take effect?"), the invoice's due date, lines or the one before it, the
 * subscription's term and price, the incident's estimate and impact or another service's status. Actions
 * on the thing shown (a fapiao for that invoice, converting that trial, being told when it is fixed) go to
 * the dialog that does them, which reads the focus.
 */
export class FollowUps {
  constructor(private readonly deps: FollowUpDeps) {}

  async read(focus: Focus, text: string, locale: Locale, context: TurnContext): Promise<FollowUp | undefined> {
    const t = text.normalize('NFKC').toLowerCase();
    switch (focus.kind) {
      case 'article':
        if (DO_IT.test(t) && ACTION_ARTICLES.has(focus.id)) return { kind: 'route', intent: 'account_setup' };
        // "OK, reduce them" after the refunds or renewal article asks for that change to their licenses.
        if (/^(billing|subscription)\//.test(focus.id) && SUBSCRIPTION_CHANGES.some(([, re]) => re.test(t)) && !isQuestion(text))
          return { kind: 'route', intent: 'subscription' };
        // 「直接帮我开吧」 after an article whose task only a person does (a trial, an SLA claim): the team.
        if (DO_IT.test(t)) return { kind: 'route', intent: 'escalate_human' };
        return (
          (TERM_ARTICLES.has(focus.id) && TERM.test(t) && (await this.ownTerm(focus.id, t, locale, context))) ||
          this.passage(focus.id, text, locale)
        );
      case 'invoice':
        return this.invoice(focus, t, text, locale);
      case 'subscription':
        return this.subscription(focus, t, text, locale);
      case 'incident':
        return this.incident(focus, t, text, locale);
      case 'health':
        return this.otherService(focus.services, text, locale, false);
      case 'ticket':
        return TICKET_ASKED.test(t) ? this.ticket(focus, locale) : undefined;
    }
  }

  /**
   * 「那手机上呢」 after the article on Outlook for the PC: the same product in another setting, which another
   * article answers. The question with the products the article is about, when another article answers that
   * surely; undefined when none does, or only the article shown.
   */
  sibling(articleId: string, text: string, locale: Locale): string | undefined {
    const article = this.deps.articles.get(articleId, locale);
    const { best, bestScore } = this.deps.articles;
    if (!article || !best || !bestScore) return undefined;
    const products = [
      ...new Set(
        extractEntities(article.title)
          .filter((e) => e.type === 'service')
          .map((e) => e.value),
      ),
    ];
    if (products.length === 0) return undefined;
    const widened = `${text} ${products.map((p) => SERVICE_NAMES[p]?.en ?? p).join(' ')}`;
    const hit = best.call(this.deps.articles, widened, locale);
    return hit && hit.article.id !== articleId && bestScore.call(this.deps.articles, widened, locale) >= DIRECT_ANSWER_CONFIDENCE
      ? widened
      : undefined;
  }

  /** The passage of an article that answers a question asked about it, as a card; undefined when none covers it. */
  passageOf(articleId: string, text: string, locale: Locale): Extract<FollowUp, { kind: 'passage' }> | undefined {
    return this.passage(articleId, text, locale);
  }

  private passage(articleId: string, text: string, locale: Locale): Extract<FollowUp, { kind: 'passage' }> | undefined {
    const section = this.deps.articles.followUp?.(articleId, locale, text);
    const article = section && this.deps.articles.get(articleId, locale);
    if (!section || !article) return undefined;
    return {
      kind: 'passage',
      articleId,
      section,
      card: { title: article.title, path: section.path, text: section.text, url: article.imported?.url ?? null },
    };
  }

  /** The term of the customer's own subscription the article was about: their trial, or the one they name. */
  private async ownTerm(articleId: string, t: string, locale: Locale, context: TurnContext): Promise<FollowUp | undefined> {
    const who = await this.deps.customer?.(context);
    const subs = who ? (this.deps.directory?.subscriptionsOf(who.customer.id) ?? []) : [];
    const trial = articleId.startsWith('subscription/trial');
    const sub = subs.find((s) => t.includes(s.offer.toLowerCase())) ?? (trial ? subs.find((s) => s.status === 'trial') : undefined);
    if (!who || !sub) return undefined;
    return {
      kind: 'say',
      text: messages(locale).followUp.term(sub, this.today()),
      focus: { kind: 'subscription', customerId: who.customer.id, id: sub.id, article: articleId },
    };
  }

  private invoice(focus: Extract<Focus, { kind: 'invoice' }>, t: string, text: string, locale: Locale): FollowUp | undefined {
    const all = this.deps.directory?.invoicesOf(focus.customerId) ?? [];
    const index = all.findIndex((i) => i.number === focus.number);
    const invoice = all[index];
    if (!invoice) return undefined;
    const m = messages(locale);
    // 「一直拖着不付会停我们的服务不」: what happens when paying late is the payment article's, for any invoice.
    if (LATE.test(t) && isQuestion(text)) return this.passage('billing/payment-methods', text, locale);
    // "When do I gotta pay by?" names paying but asks when: the due date, not how to pay.
    if (DUE.test(t) && ASKS_WHEN.test(t)) return { kind: 'say', text: m.followUp.due(invoice, this.today()) };
    if (BILLING_TOPICS.some(([topic, re]) => (topic === 'fapiao' || topic === 'payment' || topic === 'refund') && re.test(t)))
      return { kind: 'route', intent: 'billing' };
    if (PREVIOUS.test(t)) {
      const previous = all[index + 1];
      if (!previous) return { kind: 'say', text: m.followUp.noEarlier(invoice) };
      return { kind: 'say', text: m.customer.billing.invoiceSummary(previous), focus: { ...focus, number: previous.number } };
    }
    const amount = amountIn(t);
    if (amount !== undefined) {
      const found = lineWith(amount, [invoice, ...all]);
      if (found) return { kind: 'say', text: m.followUp.line(found.line, found.invoice) };
      if (AMOUNT_ASKED.test(t)) return { kind: 'say', text: m.followUp.noSuchLine(String(amount), invoice) };
    }
    if (DUE.test(t)) return { kind: 'say', text: m.followUp.due(invoice, this.today()) };
    if (BILLING_TOPICS.find(([topic]) => topic === 'explain')![1].test(t))
      return { kind: 'say', text: explainInvoice(m, invoice, all[index + 1]) };
    if (LINES.test(t)) return { kind: 'say', text: m.customer.billing.invoiceSummary(invoice) };
    return undefined;
  }

  private subscription(focus: Extract<Focus, { kind: 'subscription' }>, t: string, text: string, locale: Locale): FollowUp | undefined {
    const sub = this.deps.directory?.subscriptionsOf(focus.customerId).find((s) => s.id === focus.id);
    if (!sub) return undefined;
    const m = messages(locale);
    if (ACTION.test(t) || SUBSCRIPTION_CHANGES.some(([, re]) => re.test(t))) return { kind: 'route', intent: 'subscription' };
    if (TERM.test(t)) return { kind: 'say', text: m.followUp.term(sub, this.today()) };
    if (PRICE.test(t)) return { kind: 'say', text: m.followUp.price(sub) };
    return focus.article ? this.passage(focus.article, text, locale) : undefined;
  }

  private async incident(
    focus: Extract<Focus, { kind: 'incident' }>,
    t: string,
    text: string,
    locale: Locale,
  ): Promise<FollowUp | undefined> {
    if (!this.deps.health) return undefined;
    const found = await this.deps.health.issue(focus.id);
    if (found.kind !== 'found') return undefined;
    const issue = found.issue;
    const m = messages(locale);
    const other = await this.otherService([issue.service], text, locale, true);
    if (other) return other;
    if (NOTIFY_OFF.test(t)) return { kind: 'say', text: m.health.notifyDeclined };
    if (NOTIFY.test(t)) return { kind: 'route', intent: 'service_health' };
    if (IMPACT.test(t)) return { kind: 'say', text: m.followUp.impact(issue) };
    if (SINCE.test(t)) return { kind: 'say', text: m.followUp.since(issue) };
    if (ETA.test(t)) return { kind: 'say', text: m.followUp.eta(issue) };
    return undefined;
  }

  /** "What about email?": the status of a service named besides those just reported on. */
  private async otherService(shown: readonly string[], text: string, locale: Locale, also: boolean): Promise<FollowUp | undefined> {
    const other = extractEntities(text).find((e) => e.type === 'service' && !shown.includes(e.value))?.value;
    if (!other || !this.deps.health) return undefined;
    const [report] = await this.deps.health.check([other]);
    if (!report) return undefined;
    return {
      kind: 'say',
      text: messages(locale).followUp.otherService(other, report.status, report.issues.length, also),
      focus: { kind: 'health', services: [other] },
    };
  }

  /** The ticket opened in this conversation, and when the reseller's team works on it. */
  private async ticket(focus: Extract<Focus, { kind: 'ticket' }>, locale: Locale): Promise<FollowUp | undefined> {
    const ticket = await this.deps.tickets?.get(focus.id);
    if (!ticket) return { kind: 'route', intent: 'ticket_status' };
    const m = messages(locale).escalation.status;
    const reseller = this.deps.directory?.reseller();
    const lines = [m.detail(ticket)];
    if (reseller && ticket.status === 'open') {
      const window = supportWindow(reseller, this.clock());
      const next = !window.open && window.nextOpen ? formatOpening(window.nextOpen, locale, reseller.timeZone) : undefined;
      lines.push(m.whatNext(ticket, reseller, next));
    }
    return { kind: 'say', text: lines.join('\n\n'), focus };
  }

  private clock(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  private today(): string {
    return chinaToday(this.clock());
  }
}

/** An amount of money named in a follow-up ("那个 475 是什么钱", "what's the ¥1,410.20?"); not a year or a count. */
function amountIn(t: string): number | undefined {
  for (const match of t.matchAll(/[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g)) {
    const value = Number(`${match[1]!.replace(/,/g, '')}${match[2] ?? ''}`);
    if (value >= 20 && !(value >= 2000 && value <= 2100 && !match[2])) return value;
  }
  return undefined;
}

/** The line of that amount, on the invoice shown first, else on another (the customer may mean the one compared). */
function lineWith(amount: number, invoices: readonly Invoice[]): { line: InvoiceLine; invoice: Invoice } | undefined {
  for (const invoice of invoices) {
    const line = invoice.lines.find((l) => Math.abs(l.amountCny - amount) < 0.5);
    if (line) return { line, invoice };
  }
  return undefined;
}
