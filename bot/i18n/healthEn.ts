import type { HealthStatus } from '../health/types.js';
import { SERVICE_NAMES } from '../nlu/serviceNames.js';
import { statusIcon, type HealthMessages } from './healthMessages.js';

const STATUS: Record<HealthStatus, string> = {
  serviceOperational: 'Operational',
  investigating: 'Investigating',
  restoringService: 'Restoring service',
  verifyingService: 'Verifying service',
  serviceRestored: 'Service restored',
  postIncidentReviewPublished: 'Post-incident report published',
  serviceDegradation: 'Service degradation',
  serviceInterruption: 'Service interruption',
  extendedRecovery: 'Extended recovery',
  falsePositive: 'False positive (no impact)',
  investigationSuspended: 'Investigation suspended',
  resolved: 'Resolved',
  mitigatedExternal: 'Mitigated (external cause)',
  mitigated: 'Mitigated',
  resolvedExternal: 'Resolved (external cause)',
  confirmed: 'Confirmed',
  reported: 'Reported',
  unknown: "Unknown: I couldn't check it right now",
};

const name = (id: string) => SERVICE_NAMES[id]?.en ?? id;
const list = (ids: readonly string[]) => ids.map(name).join(', ');

export const healthEn: HealthMessages = {
  statusNames: STATUS,
  serviceName: name,
  heading: (scope) =>
    scope.kind === 'named'
      ? 'Current service status:'
      : scope.kind === 'customer'
        ? `Current status of the services ${scope.company} subscribes to:`
        : 'Current status of the services we monitor:',
  line: (service, status) => `${statusIcon(status)} ${name(service)}: ${STATUS[status]}`,
  incidentCardTitle: 'Active incidents and advisories',
  advisory: 'Advisory',
  incident: 'Incident',
  factService: 'Service',
  factStatus: 'Status',
  factType: 'Type',
  factStarted: 'Started',
  factUpdated: 'Last update',
  chinaTime: (t) => `${t} China Standard Time`,
  moreIssues: (n) => `…and ${n} more. Ask about one service to see its incidents.`,
  offerNotify: 'Would you like me to message you here when this is resolved?',
  notifyConfirmed: (n) =>
    n === 1 ? "Done. I'll message you here as soon as it's resolved." : `Done. I'll message you here as each of these ${n} is resolved.`,
  notifyDeclined: 'OK. Ask me again any time for the latest status.',
  notifyUnavailable:
    "I can't send follow-up messages in a group conversation. Message me directly if you'd like to be told when it's resolved.",
  unknownNote: (ids) =>
    `I couldn't get the current status of ${list(ids)}, ` +
    `so I can't tell you whether ${ids.length === 1 ? 'it is' : 'they are'} working normally. ` +
    'The status is unknown, not healthy.',
  allHealthy: (ids) => `There are no known incidents: ${list(ids)} ${ids.length === 1 ? 'is' : 'are'} operating normally.`,
  offerChecks: 'If something is still slow or not working for you, shall we go through a few quick checks on your side?',
  checksDeclined: 'OK. If anything changes, just ask me again.',
  check: (i, total, step) => `Check ${i} of ${total}: ${step}`,
  checkAnswers: { fixed: 'That fixed it', next: 'Next check' },
  talkToPerson: 'Talk to a person',
  checkHint: 'Choose "That fixed it", "Next check" or "Talk to a person".',
  checksFixed: "Great, glad it's working again!",
  offerEscalation: 'Still not working after these checks? Shall I pass you to our support team?',
  escalationDeclined: 'OK. If it keeps happening, say "report a problem" and I will open a ticket for you.',
  noArticle: "I don't have the troubleshooting checks at hand right now.",
  resolvedNotice: (service, title) => `Good news: the incident "${title}" affecting ${name(service)} has been resolved.`,
};
