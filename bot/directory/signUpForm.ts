/** Sign-up fields as the account set-up dialog collects them (and the ticket stores them). */
export interface SignUpForm {
  readonly company: string;
  readonly domainPrefix: string;
  readonly adminName: string;
  readonly adminEmail: string;
  readonly adminMobile: string;
  readonly services: string;
}

export type SetupTask = 'signUp' | 'resetPassword' | 'addUsers' | 'customDomain' | 'mfa';
