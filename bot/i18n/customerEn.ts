import { formatCny, formatDate, formatPeriod } from '../directory/format.js';
import type { InvoiceChange } from '../directory/invoiceChanges.js';
import type { Invoice, Reseller, Subscription } from '../directory/types.js';
import { literalForMessage as lit } from '../text/literal.js';
import type { CustomerMessages } from './customerMessages.js';
import type { ChangeRequest } from '../directory/changeRequest.js';
import type { SignUpForm } from '../directory/signUpForm.js';

/** Ticket summaries keep what the customer typed as it was; chat replies show it literally (lit). */
const asTyped = (s: string) => s;

const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const cny = (n: number) => formatCny(n, 'en');
const date = (d: string) => formatDate(d, 'en');
const period = (p: string) => formatPeriod(p, 'en');
const signed = (n: number) => (n >= 0 ? `+${cny(n)}` : cny(n));

function days(ds: readonly number[]): string {
  const sorted = [...ds].sort();
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  return run && sorted.length > 2 ? `${DAY[sorted[0]!]}–${DAY[sorted.at(-1)!]}` : sorted.map((d) => DAY[d]).join(', ');
}

function contact(r: Reseller | undefined): string {
  if (!r) return 'Please contact your reseller.';
  const h = r.supportHours;
  return `${r.name}: ${r.supportPhone} (${days(h.days)} ${h.start}–${h.end} China time), ${r.supportEmail}, ${r.portalUrl}`;
}

const STATUS: Record<Invoice['status'], string> = { paid: 'paid', unpaid: 'unpaid', overdue: 'OVERDUE' };
const FAPIAO: Record<Invoice['fapiao'], string> = {
  not_requested: 'not requested yet',
  requested: 'requested, being issued',
  issued: 'issued',
};

function change(c: InvoiceChange): string {
  switch (c.kind) {
    case 'new':
      return `• New subscription ${c.description}: ${cny(c.amountCny)}`;
    case 'ended':
      return `• ${c.description} is no longer billed (${cny(-c.amountCny)})`;
    case 'quantity':
      return `• ${c.description}: licenses changed from ${c.from} to ${c.to} (${signed(c.deltaCny)})`;
    case 'proration':
      return `• One-off proration for ${c.description}: ${cny(c.amountCny)} for the part-month before the change`;
    case 'usage':
      return `• ${c.description} usage (pay-as-you-go) ${c.deltaCny > 0 ? 'went up' : 'went down'}: ${signed(c.deltaCny)}`;
    case 'credit':
      return `• Credit ${c.description}: ${cny(c.amountCny)}`;
    case 'oneOffEnded':
      return `• Last month's one-off charge ${c.description} (${cny(c.amountCny)}) does not repeat`;
  }
}

function dueLine(i: Invoice): string {
  return `• ${i.number} (${period(i.period)}): ${cny(i.amountCny)}, due ${date(i.dueDate)}${i.status === 'overdue' ? ', OVERDUE' : ''}`;
}

function subscriptionLine(s: Subscription, n: number): string {
  const renews = s.renewalDate ? `, renews ${date(s.renewalDate)}` : '';
  const price = s.unitPriceCny !== undefined ? `, ${cny(s.unitPriceCny)} per license per month` : '';
  return `${n}. ${s.offer}: ${s.quantity} license(s), ${s.status}, ${s.term}${renews}, auto-renew ${s.autoRenew ? 'on' : 'off'}${price}`;
}

function request(r: ChangeRequest, show = asTyped): string {
  const what: Record<ChangeRequest['change'], string> = {
    add: `add ${r.quantity} license(s) to ${r.offer} (${r.currentQuantity} → ${r.currentQuantity + (r.quantity ?? 0)})`,
    reduce: `remove ${r.quantity} license(s) from ${r.offer} (${r.currentQuantity} → ${r.currentQuantity - (r.quantity ?? 0)})`,
    changePlan: `change ${r.offer} to ${show(r.targetPlan ?? '')}`,
    cancel: `cancel ${r.offer}`,
    autoRenewOn: `turn auto-renew ON for ${r.offer}`,
    autoRenewOff: `turn auto-renew OFF for ${r.offer}`,
    trialToPaid: `convert the trial ${r.offer} to a paid subscription (${r.quantity ?? r.currentQuantity} license(s))`,
  };
  return what[r.change];
}

function form(f: SignUpForm, show = asTyped): string {
  return [
    `Company: ${show(f.company)}`,
    `Initial domain: ${show(f.domainPrefix)}.partner.onmschina.cn`,
    `Admin: ${show(f.adminName)}, ${show(f.adminEmail)}, ${show(f.adminMobile)}`,
    `Services: ${show(f.services)}`,
  ].join('\n');
}

export const customerEn: CustomerMessages = {
  identify: {
    askDomain:
      "To show your company's account details I first need to confirm who you are (once per chat). " +
      "What is your company's domain, for example contoso.partner.onmschina.cn or contoso.cn?",
    domainHint: 'That does not look like a domain. Please type it like contoso.partner.onmschina.cn or contoso.cn.',
    askEmail: 'And your work e-mail address, as registered with us?',
    emailHint: 'Please type an e-mail address like name@contoso.cn.',
    noMatch: 'I could not match that domain and e-mail address to a registered contact. Please check both.',
    whyIdentify:
      "Your invoices, subscriptions and tickets are your company's private data, " +
      'so I first confirm that you are one of its registered contacts: ' +
      "your company's domain plus your work e-mail address must match our records. " +
      'It is asked once per chat.',
    domainLabel: 'domain',
    emailLabel: 'e-mail address',
    tooManyTries: (r) =>
      'I could not confirm your details, so I cannot show account information. ' +
      `Please contact ${contact(r)}, or say 转人工 / agent to talk to a person.`,
    identified: (name, company) => `Thank you, ${lit(name)} (${lit(company)}). You are confirmed for this chat.`,
    unknownTenant: (r) =>
      'Your organisation is not (yet) one of our customers, so I cannot show account details. ' +
      `To sign up, visit ${r?.signUpUrl ?? r?.portalUrl ?? 'your reseller'} or contact ${contact(r)}.`,
    notAContact: (company, r) =>
      `You are signed in from ${lit(company)}, but you are not registered as one of its contacts, so I cannot show account details. ` +
      `Ask your administrator to add you, or contact ${contact(r)}.`,
  },
  setup: {
    whichTask: 'What do you need help with?',
    taskHint: 'Please pick one of the buttons, or type for example "sign up" or "reset password".',
    taskNames: {
      signUp: 'Sign up as a new customer',
      resetPassword: 'Reset a password',
      addUsers: 'Add users or admins',
      customDomain: 'Add a custom domain',
      mfa: 'Set up MFA',
    },
    signUpIntro: "Let's sign your company up. I will ask six short questions; say cancel at any time.",
    askCompany: 'What is the company name (Chinese or English, as on the business licence)?',
    companyHint: 'Please type the company name, 2 to 100 characters, for example 上海示例科技有限公司 or Contoso Ltd.',
    askPrefix: 'Which initial domain would you like? Type the prefix only: for "contoso.partner.onmschina.cn" type contoso.',
    prefixHint: 'The prefix can have 1 to 27 letters, digits or hyphens, nothing else, for example contoso or contoso-sh.',
    prefixTaken: (p) => `${p}.partner.onmschina.cn is already taken. Please choose another prefix, for example ${p}-cn.`,
    askAdminName: "What is the administrator's name?",
    nameHint: "Please type the administrator's name, for example 王磊 or Lei Wang.",
    askAdminEmail: "The administrator's e-mail address?",
    askMobile: "The administrator's mobile number? We send the sign-in details there.",
    mobileHint: 'Please type a mainland China mobile number, for example 138 1234 5678 or +86 13812345678.',
    askServices: 'Which services do you need? For example: Office 365 E3 for 20 users, Azure.',
    servicesHint: 'Please name at least one service, for example "Microsoft 365 Business Basic, 10 users" or "Azure".',
    signUpHelp: {
      company: 'We need the company name as registered in China (on the business licence); the contract and invoices are made out to it.',
      domainPrefix:
        'Every tenant gets an initial domain ending in .partner.onmschina.cn, for example contoso.partner.onmschina.cn. ' +
        'It is used for first sign-in and appears in SharePoint addresses, and it cannot be changed later; ' +
        'your own domain (contoso.cn) can be added afterwards. Just type the part before the first dot.',
      adminName: 'The first global administrator of the new tenant: the person who receives the sign-in details and can add everyone else.',
      adminEmail: "An e-mail address where the administrator can be reached now (not the new tenant's address, which does not exist yet).",
      adminMobile: 'A mainland China mobile number: 21Vianet sends sign-in and verification messages to it.',
      services:
        'Which plans and how many users, for example "Microsoft 365 Business Basic, 10 users" or "Azure". ' +
        'We confirm prices before anything is ordered.',
    },
    signUpLabels: {
      company: 'company name',
      domainPrefix: 'domain prefix',
      adminName: "administrator's name",
      adminEmail: 'e-mail address',
      adminMobile: 'mobile number',
      services: 'services',
    },
    confirmSignUp: (f) => `Please check:\n\n${form(f, lit)}\n\nShall I send this sign-up request?`,
    signUpCreated: (id, r) =>
      `Done: your sign-up request is ticket ${id}. ${r?.name ?? 'Your reseller'} will contact the administrator within one working day. ` +
      `Questions meanwhile: ${contact(r)}.`,
    signUpDeclined: 'OK, I have not sent anything.',
    offerOnBehalf: (task) => `Would you like us to do "${task}" for you? I will open a request for our support team.`,
    onBehalfCreated: (id, task) => `Request ${id} is open: our team will do "${task}" for you and confirm when it is done.`,
    signUpTicket: (f) => `New customer sign-up\n${form(f)}`,
    onBehalfTicket: (task, who, company) => `Do on behalf of the customer: ${task}\nRequested by ${who} (${company})`,
  },
  billing: {
    invoiceSummary: (i) =>
      [
        `Invoice ${i.number} for ${period(i.period)}: ${cny(i.amountCny)}, ${STATUS[i.status]}, due ${date(i.dueDate)}. ` +
          `Fapiao: ${FAPIAO[i.fapiao]}.`,
        ...i.lines.map((l) => `• ${l.description} × ${l.quantity}: ${cny(l.amountCny)}`),
      ].join('\n'),
    whatNext: 'What would you like to know?',
    topicNames: {
      explain: 'Why it changed',
      due: 'What I owe',
      fapiao: 'Fapiao',
      payment: 'How to pay',
      refund: 'Refunds',
      period: 'Another month',
    },
    askPeriod: 'Which month? For example 2026-10 or "October".',
    periodHint: 'Please type a month like 2026-10, October, or "last month".',
    noInvoices: 'There are no invoices for your company yet.',
    periodNotFound: (p, av) => `There is no invoice for ${period(p)}. Invoices I have: ${av.map(period).join(', ')}.`,
    invoiceNotFound: (n) => `I could not find an invoice ${lit(n)} for your company. Please check the number.`,
    changesIntro: (c, p) =>
      p
        ? `${period(c.period)}: ${cny(c.amountCny)}, ${period(p.period)}: ${cny(p.amountCny)} ` +
          `(${signed(c.amountCny - p.amountCny)}). What changed:`
        : `${period(c.period)} is your first invoice, so there is nothing to compare with.`,
    change,
    noChanges: 'The charges are the same as the month before.',
    due: (open) =>
      open.length === 0
        ? 'Nothing is due: every invoice is paid.'
        : `Due:\n${open.map(dueLine).join('\n')}\nTotal: ${cny(open.reduce((s, i) => s + i.amountCny, 0))}`,
    fapiao: (list) =>
      `Fapiao (VAT invoice) status:\n${list.map((i) => `• ${i.number} (${period(i.period)}): ${FAPIAO[i.fapiao]}`).join('\n')}`,
    offerFapiao: (i) => `Shall I ask our billing team to issue the fapiao for invoice ${i.number} (${cny(i.amountCny)})?`,
    fapiaoRequested: (id, i) => `Request ${id} is open: the fapiao for ${i.number} will be issued to the billing details on file.`,
    offerEscalation: 'Would you like our billing team to look into this?',
    escalated: (id) => `Request ${id} is open: our billing team will get back to you.`,
    fapiaoTicket: (i, company) => `Issue fapiao for invoice ${i.number} (${i.period}, ${cny(i.amountCny)}) for ${company}`,
    escalationTicket: (q, company) => `Billing question from ${company}: ${q}`,
  },
  subscription: {
    list: (subs) => `Your subscriptions:\n${subs.map((s, i) => subscriptionLine(s, i + 1)).join('\n')}`,
    none: 'Your company has no subscriptions with us yet.',
    askChange: 'What would you like to change?',
    changeHint: 'Please pick one of the buttons, or type for example "add licenses" or "cancel".',
    changeNames: {
      add: 'Add licenses',
      reduce: 'Reduce licenses',
      changePlan: 'Upgrade or downgrade',
      cancel: 'Cancel a subscription',
      autoRenewOn: 'Turn auto-renew on',
      autoRenewOff: 'Turn auto-renew off',
      trialToPaid: 'Trial to paid',
    },
    askWhich: 'Which subscription? Type its number from the list.',
    whichHint: (n) => `Please type a number from 1 to ${n}, or the name of the offer.`,
    askAddQuantity: (o, q) => `${o} has ${q} license(s). How many would you like to add?`,
    askReduceQuantity: (o, q) => `${o} has ${q} license(s). How many would you like to remove?`,
    quantityHint: (max) => `Please type a whole number from 1 to ${max}.`,
    askPlan: (o) => `Which plan should ${o} change to? For example Office 365 E5 or Microsoft 365 Business Standard.`,
    planHint: 'Please type the name of the plan, for example Office 365 E5.',
    noTrial: 'None of your subscriptions is a trial.',
    nothingToChange: (o, c) => `Nothing to change: auto-renew is already ${c === 'autoRenewOn' ? 'on' : 'off'} for ${o}.`,
    confirm: (r) =>
      `You would like to ${request(r, lit)}.` +
      `${r.monthlyDeltaCny !== undefined ? ` Price effect: ${signed(r.monthlyDeltaCny)} per month.` : ''} Shall I send this request?`,
    created: (id, r) =>
      `Request ${id} is open. I have not changed the subscription myself: ` +
      `${r?.name ?? 'your reseller'} will make the change and confirm it with you.`,
    ticket: (r, company) =>
      `Subscription change for ${company}: ${request(r)}` +
      `${r.monthlyDeltaCny !== undefined ? ` (${signed(r.monthlyDeltaCny)} per month)` : ''}`,
  },
  giveUp: 'Sorry, I still could not use that answer. Say 转人工 / agent to talk to a person, or ask me something else.',
  declined: 'OK, I have not sent anything.',
  contactUs: (r) => `You can reach ${contact(r)}. Or say "agent" and I'll pass you to a person here.`,
  ticketFailed: (r) => `Sorry, I could not save your request just now. Please try again in a few minutes, or contact ${contact(r)}.`,
  ticketLimitVisitor: (open, r) =>
    `You already have ${open.length} open requests with us (${open.join(', ')}), so I have not opened another one. ` +
    `Our team will answer them; if this is something else or urgent, please contact ${contact(r)}.`,
  ticketLimitHourly: (r) =>
    'We are receiving an unusual number of requests right now, so I could not open yours. ' +
    `Please try again in an hour, or contact ${contact(r)}.`,
  noDirectory: 'Customer records are not set up on this bot yet, so I cannot look up accounts. Say agent to talk to a person.',
};
