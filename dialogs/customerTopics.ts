import type { BillingTopic } from '../bot/directory/billingTopic.js';
import type { SetupTask } from '../bot/directory/signUpForm.js';
import type { SubscriptionChange } from '../bot/directory/changeRequest.js';

/** Keyword cues for what a customer wants inside each dialog; the first match wins, so order matters. */
export const SETUP_TASKS: ReadonlyArray<readonly [SetupTask, RegExp]> = [
  ['resetPassword', /password|密码|locked out|锁定|忘记/],
  ['mfa', /\bmfa\b|2fa|multi-?factor|two-?factor|authenticator|多重|双重|双因素|验证器|二次验证/],
  ['customDomain', /custom domain|own domain|add (?:a |our )?domain|自定义域|域名/],
  // A company that is new to us, before the "new account" of a new colleague below.
  [
    'signUp',
    /new (?:company|business|startup|customer)|(?:just|newly) (?:started|founded|set up|registered|formed) (?:a |an |our |the )?(?:company|business)|newly (?:founded|registered|formed)|become a customer|never used (?:it|microsoft 365|office 365|m365|o365) before|新公司|新客户|新成立|刚成立|公司刚注册|成为(?:你们的)?(?:新)?客户|(?:之前|以前|还)(?:从来)?没(?:有)?用过/,
  ],
  [
    'addUsers',
    /add (?:a |new )?(?:users?|admins?|accounts?)|new users?|new (?:hires?|starters?|colleagues?|employees?|staff|interns?)|interns? (?:start|join)|colleague|(?:mailbox|e-?mail account) for|someone who (?:just )?joined|添加(?:用户|管理员|账号)|新(?:用户|员工|账号|同事|人)|(?:同事|员工|新人|入职)[^，。,.]{0,8}(?:邮箱|账号)|开(?:个|一个)?邮箱|加(?:用户|人)|新来(?:了)?[^，。,.]{0,6}(?:人|同事|员工|实习生)|实习生[^，。,.]{0,8}(?:邮箱|账号)/,
  ],
  [
    'signUp',
    /sign ?up|sign (?:us|me|my company|our company) up|register|open an account|\bbuy(?:ing)?\b.{0,30}\b(?:from|off|through|via) (?:you|your company)\b|\bget (?:us )?set up with you\b|注册|开(?:个|一个)?户|开通|申请账号|(?:想|要)?开(?:个|一个)[^，。？?]{0,10}账号/,
  ],
];

export const BILLING_TOPICS: ReadonlyArray<readonly [Exclude<BillingTopic, 'latest' | 'period'>, RegExp]> = [
  ['refund', /refund|money back|退款|退费/],
  ['fapiao', /fapiao|vat invoice|tax invoice|发票|增值税|开(?:个|张|一张|一下)?(?:发)?票|专票|普票/],
  [
    'payment',
    /how (?:do|can|should) (?:i|we) pay|how to pay|payment method|pay by|bank transfer|alipay|wechat pay|付款方式|支付方式|怎么(?:付|支付|缴)|对公转账|支付宝|微信支付/,
  ],
  ['explain', /why|differ|higher|more than|increase|went up|explain|breakdown|为什么|为何|变多|变高|多了|上涨|涨了|不一样|明细|解释/],
  [
    'due',
    /\bdue\b|owe|outstanding|balance|overdue|unpaid|miss(?:ed)? (?:a |any |the )?payments?|behind on|应付|欠费|余额|待付|逾期|未付|没付|没交|漏交|漏付|到期|欠/,
  ],
];

export const SUBSCRIPTION_CHANGES: ReadonlyArray<readonly [SubscriptionChange, RegExp]> = [
  ['trialToPaid', /trial|试用/],
  ['autoRenewOff', /(?:turn off|disable|stop) auto-?renew|auto-?renew(?:al)? off|关闭自动续|取消自动续|不要自动续/],
  ['autoRenewOn', /(?:turn on|switch on|enable) auto-?renew|auto-?renew(?:al)? on|开启自动续|打开自动续|自动续订/],
  ['cancel', /cancel|terminate|退订|取消订阅|不再续|停用/],
  ['reduce', /reduce|remove|fewer|decrease|\b(?:drop|cut|bring) (?:us |it |them )?down\b|\bdown to \d|减少|删减|少买|减掉|降到|减到/],
  ['add', /add|more|buy|increase|purchase|增加|多买|购买|(?:加|买|再要|再来)\s*[\d一二两三四五六七八九十几]|添加|加购/],
  // "switch it on" is auto-renew, not a plan change.
  ['changePlan', /upgrade|downgrade|switch(?! (?:it |that )?(?:on|off)\b)|change (?:to|plan)|升级|降级|换成|改为|变更版本/],
];
