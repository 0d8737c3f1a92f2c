import { CardFactory, type Attachment } from 'botbuilder';
import { chinaTime } from '../health/chinaTime.js';
import type { HealthIssue } from '../health/types.js';
import type { Messages } from '../i18n/messages.js';
import { literalForCard } from '../text/literal.js';

/** Teams rejects cards over about 28 KB; a handful of incidents is what a person reads anyway. */
const MAX_ISSUES = 5;

/** One issue with every service of ours it touches (a suite-wide issue touches several). */
export interface IssueView {
  readonly issue: HealthIssue;
  readonly services: readonly string[];
}

/** Merges the same issue reported for several services. */
export function issueViews(issues: readonly HealthIssue[]): IssueView[] {
  const views = new Map<string, { issue: HealthIssue; services: string[] }>();
  for (const issue of issues) {
    const v = views.get(issue.id);
    if (v) {
      if (!v.services.includes(issue.service)) v.services.push(issue.service);
    } else views.set(issue.id, { issue, services: [issue.service] });
  }
  return [...views.values()];
}

const time = (m: Messages, iso: string) => {
  const t = chinaTime(iso);
  return t === '' ? '—' : m.health.chinaTime(t);
};

/**
 * Active incidents and advisories as an Adaptive Card 1.5: title, service, status, type, start and last
 * update in China Standard Time, and the impact. Titles and impact come from Graph or the reseller's CLI,
 * so they are shown literally.
 */
export function incidentCard(m: Messages, views: readonly IssueView[]): Attachment {
  const shown = views.slice(0, MAX_ISSUES);
  const h = m.health;
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: h.incidentCardTitle, weight: 'Bolder', size: 'Medium', wrap: true },
      ...shown.map(({ issue, services }, i) => ({
        type: 'Container',
        separator: i > 0,
        spacing: 'Medium',
        items: [
          { type: 'TextBlock', text: literalForCard(issue.title), weight: 'Bolder', wrap: true },
          {
            type: 'FactSet',
            facts: [
              { title: h.factService, value: services.map((s) => h.serviceName(s)).join(', ') },
              { title: h.factStatus, value: h.statusNames[issue.status] },
              { title: h.factType, value: issue.classification === 'advisory' ? h.advisory : h.incident },
              { title: h.factStarted, value: time(m, issue.startTime) },
              { title: h.factUpdated, value: time(m, issue.lastUpdate) },
            ],
          },
          ...(issue.impact.trim() === '' ? [] : [{ type: 'TextBlock', text: literalForCard(issue.impact), wrap: true, isSubtle: true }]),
        ],
      })),
      ...(views.length > shown.length
        ? [{ type: 'TextBlock', text: h.moreIssues(views.length - shown.length), wrap: true, isSubtle: true }]
        : []),
    ],
  });
}
