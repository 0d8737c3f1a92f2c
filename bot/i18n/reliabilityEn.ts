import type { ReliabilityMessages } from './reliabilityMessages.js';

export const reliabilityEn: ReliabilityMessages = {
  sendAgain: 'Two of your messages arrived at the same moment and I could only keep one of them. Please send your last message again.',
};
