import type { Reseller } from '../directory/types.js';
import type { ServiceRequestDraft, Severity } from '../escalation/serviceRequest.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import { literalForMessage } from '../text/literal.js';
import type { Ticket, TicketStatus } from '../tickets/types.js';
import { chinaDateTime } from './escalationFormat.js';
import type { EscalationMessages } from './escalationMessages.js';
import type { HandoffSummary } from '../handoff/transcript.js';

const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const when = (iso: string) => chinaDateTime(iso, 'en');

function days(ds: readonly number[]): string {
  const sorted = [...ds].sort();
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  return run && sorted.length > 2 ? `${DAY[sorted[0]!]}–${DAY[sorted.at(-1)!]}` : sorted.map((d) => DAY[d]).join(', ');
}

const hours = (r: Reseller) => `${days(r.supportHours.days)} ${r.supportHours.start}–${r.supportHours.end} China time`;
const reach = (r: Reseller | undefined) => (r ? `${r.name}: ${r.supportPhone} (${hours(r)}), ${r.supportEmail}` : 'your reseller');

const STATUS: Record<TicketStatus, string> = {
  open: 'open',
  waiting_on_customer: 'waiting for your reply',
  escalated: 'with 21Vianet',
  resolved: 'resolved',
  closed: 'closed',
};

const SEVERITY: Record<Severity, string> = { A: 'A – Critical', B: 'B – High', C: 'C – Low' };
const service = (id: string) => SERVICE_NAMES[id]?.en ?? 'Other';

function draftLines(d: ServiceRequestDraft): string[] {
  return [
    `Title: ${literalForMessage(d.title)}`,
    `Service: ${service(d.service)}`,
    `Severity: ${SEVERITY[d.severity]}`,
    `Description: ${literalForMessage(d.description)}`,
    ...(d.startedAt ? [`Started: ${when(d.startedAt)} (China time)`] : []),
    ...(d.tenantId ? [`Tenant ID: ${d.tenantId}`] : []),
    ...(d.subscriptionId ? [`Subscription ID: ${d.subscriptionId}`] : []),
    ...(d.correlationId ? [`Correlation ID: ${d.correlationId}`] : []),
    `Contact: ${literalForMessage(d.contactName)}, ${d.contactEmail}, ${d.contactPhone}`,
    `Preferred language: ${d.preferredLanguage === 'zh-CN' ? 'Chinese' : 'English'}`,
  ];
}

function summary(s: HandoffSummary): string {
  const c = s.customer;
  const who = c.company
    ? `${c.company} (${c.id})${c.name ? `, ${c.name}` : ''}${c.contact ? ` <${c.contact}>` : ''}`
    : `Not identified: ${c.name ?? 'no name given'}, ${c.contact ?? 'no contact given'}`;
  return [
    `The customer asked for a person.`,
    `Customer: ${who}`,
    `Asked: ${s.question}`,
    `Detected intent: ${s.intent} (${s.score.toFixed(2)})`,
    `Service health: ${s.health}`,
    `Last ${s.transcript.length} messages:`,
    ...s.transcript.map((l) => `[${when(l.at)}] ${l.role === 'user' ? 'Customer' : 'Bot'}: ${l.text}`),
  ].join('\n');
}

function ticketLine(t: Ticket): string {
  return `• ${t.id} (${STATUS[t.status]}): ${literalForMessage(t.title)}, updated ${when(t.updatedAt)}`;
}

export const escalationEn: EscalationMessages = {
  handoff: {
    askName: "I'll pass you to our support team. What is your name?",
    nameHint: 'Please type your name, for example Lei Wang or 王磊.',
    askContact: 'And an e-mail address or mainland mobile number where the team can reach you?',
    contactHelp: 'So that a person can get back to you even if you close this chat. We use it only for this request.',
    nameLabel: 'name',
    contactLabel: 'contact',
    questionLabel: 'question',
    contactHint: 'Please type an e-mail address like name@contoso.cn, or a mobile number like 138 1234 5678.',
    askQuestion: 'In a sentence or two, what do you need help with? The team reads this first.',
    questionHint: 'Please describe what you need in a few words.',
    handedOver: (id, r) =>
      `I've passed this to ${r ? `${r.name}'s support team` : 'our support team'} as request ${id}. ` +
      'A person will reply here; what you type from now on goes straight to them.',
    handedOverAfterHours: (id, r, next) =>
      `Our support team works ${hours(r)}, so no one is available right now. ` +
      `I've saved your request as ${id}, and a person will get back to you from ${next} (China time). ` +
      "Until then, I'm still here if you need anything else.",
    accepted: 'A member of the support team has joined the chat.',
    completed: (id) => `The support team has finished this chat (request ${id}). I'm back: is there anything else I can help with?`,
    failed: (id, r) =>
      'Sorry, no one could take over the chat just now. ' +
      `Your request ${id} stays open and the team will get back to you; you can also reach ${reach(r)}. Until then, I'm back.`,
    ticketTitle: (q) => `Asked for a person: ${q.slice(0, 80)}`,
    ticketSummary: summary,
    healthUnknown: 'unknown (no health information available)',
    notGiven: '(not given)',
  },
  report: {
    intro: "I'll report this to 21Vianet for you as a service request. I need a few details; say cancel at any time.",
    askService: 'Which service is affected?',
    serviceHint: 'Please pick one of the buttons, or type the service, for example Exchange, Teams or Azure VM.',
    otherService: 'Something else',
    serviceName: service,
    askSeverity: [
      'How severe is it?',
      '• A – Critical: a service is down or unusable for many users and work has stopped, with no workaround. ' +
        '21Vianet works on it around the clock, and you need to stay reachable by phone.',
      '• B – High: real business impact, such as several users or an important feature affected, ' +
        'or the service much slower, but work can go on.',
      '• C – Low: little impact: a question, one user, a cosmetic problem or advice.',
    ].join('\n'),
    severityNames: SEVERITY,
    severityHint: 'Please choose A, B or C.',
    askTitle: 'A short title for the problem (one line)?',
    titleHint: 'Please type a title of 5 to 120 characters, for example "Outlook cannot send mail since this morning".',
    askDescription: 'Describe the problem: what happens, who is affected, any error message, and what you have tried.',
    descriptionHint: 'Please describe the problem in at least 20 characters.',
    askStartedAt: 'When did it start? For example "today 9:30", "yesterday", "2026-11-23 14:00" or "just now". Or choose Skip.',
    startedAtHint: 'Please type a time like "today 9:30", "yesterday 18:00" or "2026-11-23 14:00", or choose Skip.',
    askCorrelationId:
      'Do you have a correlation ID or request ID from an error message (a GUID like 1b4e28ba-2fa1-11d2-883f-0016d3cca427)? ' +
      'Or choose Skip.',
    correlationIdHint: 'A correlation ID looks like 1b4e28ba-2fa1-11d2-883f-0016d3cca427. Paste it, or choose Skip.',
    askSubscriptionId: 'Which Azure subscription ID is affected (a GUID)? Or choose Skip.',
    subscriptionIdHint: 'An Azure subscription ID looks like 1b4e28ba-2fa1-11d2-883f-0016d3cca427. Paste it, or choose Skip.',
    skip: 'Skip',
    askContactName: 'Who should 21Vianet contact? Please type the name.',
    contactNameHint: 'Please type a name, for example Lei Wang or 王磊.',
    askEmail: "The contact's e-mail address?",
    emailHint: 'Please type an e-mail address like name@contoso.cn.',
    askPhone: "The contact's phone number (mainland mobile)?",
    phoneHint: 'Please type a mainland mobile number, for example 138 1234 5678.',
    languageName: (l) => (l === 'zh-CN' ? 'Chinese' : 'English'),
    fieldHelp: {
      service: '21Vianet routes the request to the team for that service, so pick the one that is affected, or "Something else".',
      severity:
        'A: a service is down or unusable for many users and work has stopped (worked on around the clock). ' +
        'B: real business impact, but work can go on. C: little impact, a question or one user. ' +
        'Pick by business impact; it can be changed later.',
      title: 'One line that says what is wrong, for example "Outlook cannot send mail since 9:00". 21Vianet sees it first.',
      description:
        'What happens, who is affected, the exact error message, and what you have already tried. ' +
        'The more precise, the faster 21Vianet can act.',
      startedAt: 'When the problem started helps 21Vianet look up its logs for that time. An approximate time is fine, or choose Skip.',
      correlationId:
        'Many Microsoft error pages and Azure portal errors show a correlation ID or request ID: ' +
        'a long code like 1b4e28ba-2fa1-11d2-883f-0016d3cca427, often under "details" or in the error message, ' +
        'or in the Azure activity log. ' +
        'It lets 21Vianet find the exact failed request. If you have none, choose Skip.',
      subscriptionId:
        'For Azure problems: the subscription ID, shown in the Azure portal (portal.azure.cn) under Subscriptions. Or choose Skip.',
      contactName: '21Vianet may need to reach someone about this request; we pass the name on.',
      contactEmail: 'Where updates on the request can be sent.',
      contactPhone: 'A phone number for urgent questions about the request.',
    },
    fieldLabels: {
      service: 'service',
      severity: 'severity',
      title: 'title',
      description: 'description',
      startedAt: 'start time',
      correlationId: 'correlation ID',
      subscriptionId: 'subscription ID',
      contactName: 'contact name',
      contactEmail: 'contact e-mail',
      contactPhone: 'contact phone',
    },
    confirm: (d) => `Please check the service request:\n\n${draftLines(d).join('\n')}\n\nShall I send it to 21Vianet?`,
    declined: 'OK, I have not sent anything.',
    submitted: (id, sr) =>
      `Done: 21Vianet has your service request, number ${sr} (our reference ${id}). ` +
      "Their engineers will contact the person you named; I'll tell you here when it changes.",
    queued: (id) =>
      `I've saved your service request as ${id}, but I could not reach 21Vianet just now, so it is not submitted yet. ` +
      "I'll keep trying and tell you here as soon as it goes through; there is nothing more you need to do.",
    manual: (id, r) =>
      `I've saved your service request as ${id}. ` +
      `${r?.name ?? 'Your reseller'} will file it with 21Vianet for you and tell you 21Vianet's request number.`,
    rejected: (id, r) =>
      `I've saved your service request as ${id}, but 21Vianet did not accept it automatically. ` +
      `${r?.name ?? 'Your reseller'} will check it and file it for you.`,
    laterSubmitted: (id, sr) => `Update on ${id}: 21Vianet now has your service request, number ${sr}.`,
    laterFailed: (id, r) =>
      `Update on ${id}: 21Vianet did not accept the service request automatically. ${r?.name ?? 'Your reseller'} will file it for you.`,
    ticketSummary: (d) => `Service request for 21Vianet\n${draftLines(d).join('\n')}`,
  },
  status: {
    statusNames: STATUS,
    list: (ts) =>
      `Your requests (newest first):\n${ts.map(ticketLine).join('\n')}\n\nType a number like ${ts[0]?.id ?? 'T-1024'} for its history.`,
    none: 'You have no requests with us yet.',
    notFound: (id) => `I could not find request ${id} for your company. Please check the number.`,
    detail: (t) =>
      [
        `${t.id}: ${literalForMessage(t.title)}`,
        `Status: ${STATUS[t.status]}`,
        `Opened: ${when(t.createdAt)}, last update: ${when(t.updatedAt)}`,
        ...(t.links?.partnerCenterId ? [`21Vianet service request: ${t.links.partnerCenterId}`] : []),
        ...(t.links?.escalatedTo ? [`Escalated to 21Vianet as ${t.links.escalatedTo}`] : []),
        'History:',
        ...t.history
          .filter((h) => h.by !== 'customer')
          .map((h) => `• ${when(h.at)}: ${STATUS[h.status]}${h.note ? `: ${literalForMessage(h.note)}` : ''}`),
      ].join('\n'),
    whatNext: (t, r, nextOpen) =>
      `${r.name}'s support team works on ${t.id} during its hours (${hours(r)})` +
      `${nextOpen ? `; it is outside those hours now, so someone will pick it up from ${nextOpen} China time` : ''}. ` +
      `I will tell you here when it changes, and you can ask me "status of ${t.id}" at any time.`,
    changed: (t, note) =>
      `Update on your request ${t.id} (${literalForMessage(t.title)}): it is now ${STATUS[t.status]}.` +
      `${note ? ` Note from the team: ${literalForMessage(note)}` : ''}`,
  },
};
