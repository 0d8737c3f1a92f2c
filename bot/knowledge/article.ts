import type { Section } from './section.js';

/** Where an imported document came from (`knowledge/imported/<name>/`); curated articles have none. */
export interface ImportedOrigin {
  /** The import's name: the folder under `knowledge/imported`. */
  readonly name: string;
  /** The document's public page, when the import knew it. */
  readonly url: string | null;
  /** What the search indexes and the answer card shows: the `##`/`###` sections, or one for a question-answer pair. */
  readonly sections: readonly Section[];
}

/**
 * One knowledge article in one language, as parsed from `knowledge/articles/<area>/<slug>.<locale>.md`,
 * or one imported document (or question-answer pair) under `knowledge/imported/`, with `imported` set.
 */
export interface Article {
  readonly id: string;
  readonly locale: 'zh-CN' | 'en';
  readonly title: string;
  readonly summary: string;
  readonly questions: readonly string[];
  readonly tags: readonly string[];
  readonly related: readonly string[];
  /** Public pages (docs.azure.cn, learn.microsoft.com, 21Vianet) that back the article's facts. */
  readonly sources: readonly string[];
  readonly updated: string;
  /** Markdown after the front matter. */
  readonly body: string;
  /** The numbered list under the first `##` heading. */
  readonly steps: readonly string[];
  readonly file: string;
  /** Line of each `related` entry in the file, for problems that only the whole base can find. */
  readonly relatedLines?: readonly number[];
  readonly imported?: ImportedOrigin;
}

/** A problem found in the knowledge base, with where it is. */
export interface KnowledgeProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(
    readonly problems: readonly KnowledgeProblem[],
    options?: { cause?: unknown },
  ) {
    super(
      `The knowledge base has ${problems.length} problem(s):\n${problems
        .slice(0, 20)
        .map((p) => `  ${p.file}:${p.line}: ${p.message}`)
        .join('\n')}`,
      options,
    );
  }
}

/** Ids that DESIGN.md requires in both languages. */
export const REQUIRED_ARTICLE_IDS = [
  'account/sign-up',
  'account/first-sign-in',
  'account/reset-password',
  'account/add-users',
  'account/custom-domain',
  'account/mfa',
  'billing/view-invoice',
  'billing/charges-explained',
  'billing/payment-methods',
  'billing/fapiao',
  'billing/billing-cycle',
  'billing/refunds',
  'subscription/add-licenses',
  'subscription/change-plan',
  'subscription/cancel',
  'subscription/renewal',
  'subscription/trial',
  'howto/install-office',
  'howto/outlook-setup',
  'howto/mobile-apps',
  'howto/onedrive-sync',
  'howto/teams-getting-started',
  'updates/office-update-channels',
  'updates/service-change-notices',
  'config/dns-records',
  'config/sharepoint-external-sharing',
  'connectivity/network-endpoints',
  'connectivity/outlook-password-prompts',
  'connectivity/sign-in-errors',
  'performance/slow-service-troubleshooting',
  'support/hours-and-channels',
  'support/escalation-process',
  'support/severity-levels',
  'support/admin-on-behalf',
  'account/eligibility',
  'account/reseller-relationship',
  'account/directory-sync',
  'howto/admin-centers',
  'howto/powershell-and-cli',
  'howto/feature-differences',
  'config/icp-filing',
  'config/email-authentication',
  'connectivity/teams-network',
  'connectivity/office-activation',
  'connectivity/access-from-abroad',
  'performance/sla',
  'billing/azure-cost-views',
  'subscription/trial-expiry',
  'support/who-does-what',
] as const;
