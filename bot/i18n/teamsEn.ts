import type { TeamsMessages } from './teamsMessages.js';

export const teamsEn: TeamsMessages = {
  tenantDenied:
    'Sorry, this support assistant is only available to organisations supported by its reseller. ' +
    "If you think your organisation should have access, please ask your IT administrator to contact the reseller's support team.",
  shortened: '(Shortened: the full reply was too long for one message.)',
};
