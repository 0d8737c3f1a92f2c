import type { RepairMessages } from './repairMessages.js';

export const repairEn: RepairMessages = {
  taskNames: {
    signUp: 'sign-up',
    onBehalf: 'request for us to do it for you',
    subscriptionChange: 'subscription change',
    billingRequest: 'billing request',
    reportProblem: 'problem report to 21Vianet',
    handoff: 'request for a person',
    identify: 'identification',
    healthChecks: 'troubleshooting checks',
  },
  resumeOffer: (task) => `Shall we go back to your ${task}? I kept what you told me so far.`,
  resumeYes: 'Continue',
  resumeNo: 'No, leave it',
  backTo: (task) => `Back to your ${task}:`,
  dropped: (task) => `OK, I've dropped the ${task}. Nothing was sent.`,
  droppedForNew: (task) => `(I've dropped your unfinished ${task}; nothing was sent.)`,
  nothingToResume: "There's nothing unfinished to go back to. What can I help with?",
  cancelledTask: (task) => `OK, I've stopped the ${task}. Nothing was sent. What else can I help with?`,
  corrected: (what, value) => `Got it, I've changed the ${what} to ${value}.`,
  acknowledged: 'OK. Is there anything else I can help with?',
  noThanks: 'OK, no problem. Is there anything else I can help with?',
  unansweredFollowUp:
    "What I just showed you doesn't cover that, and I have no reliable answer of my own. Shall I pass the question to our support team?",
  iAmABot: 'I\'m a virtual assistant (a bot) for your reseller\'s support team. Say "agent" at any time to reach a person.',
  whyWeAsk: 'I need this to deal with your request. If you would rather not answer, say "cancel" or "agent".',
};
