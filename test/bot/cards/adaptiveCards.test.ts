import { expect } from 'chai';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Attachment } from 'botbuilder';
import { articleCard, type ArticleView } from '../../../bot/cards/articleCard.js';
import { sectionCard } from '../../../bot/cards/sectionCard.js';
import { welcomeCard } from '../../../bot/cards/welcomeCard.js';
import { incidentCard } from '../../../bot/cards/incidentCard.js';
import { csatCard } from '../../../bot/desk/csatCard.js';
import { deskCard } from '../../../bot/desk/deskCard.js';
import type { DeskHandoff } from '../../../bot/desk/deskHandoffs.js';
import type { Ticket } from '../../../bot/tickets/types.js';
import type { HealthIssue } from '../../../bot/health/types.js';
import { messages } from '../../../bot/i18n/messages.js';
import { LOCALES } from '../../../bot/i18n/locale.js';
import { loadKnowledge } from '../../../bot/knowledge/loadKnowledge.js';
import { INTENTS } from '../../../bot/nlu/intents.js';
import { intentChoiceCard } from '../../../dialogs/intentChoiceCard.js';
import { withButtons } from '../../../dialogs/prompts/answerPrompt.js';
import { adaptiveCard15Problems, activityCardProblems } from '../../support/adaptiveCard15.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Every file that builds an Adaptive Card, and every card it can build. A new card builder makes the
 * source scan below fail until it is added here, so no card escapes the 1.5 check.
 */
const CATALOG: Record<string, () => Promise<Attachment[]>> = {
  'bot/cards/welcomeCard.ts': async () => LOCALES.map((l) => welcomeCard(l)),
  'bot/cards/articleCard.ts': async () => {
    const { articles } = await loadKnowledge(join(ROOT, 'knowledge', 'articles'));
    expect(articles.length).to.be.greaterThan(20);
    const long: ArticleView = {
      id: 'x/long',
      title: 'Long',
      summary: 'Many steps',
      steps: Array.from({ length: 80 }, (_, i) => `Step ${i} ${'x'.repeat(60)}`),
      body: 'y'.repeat(6000),
    };
    return [
      ...articles.map((a) =>
        articleCard(messages(a.locale), a, {
          related: articles.filter((r) => a.related.includes(r.id) && r.locale === a.locale),
          showFeedback: true,
        }),
      ),
      ...LOCALES.map((l) => articleCard(messages(l), long, { related: [], showFeedback: false })),
    ];
  },
  'bot/cards/sectionCard.ts': async () => {
    const long = {
      title: 'Long',
      path: ['A', 'B'],
      text: Array.from({ length: 60 }, (_, i) => `Paragraph ${i} ${'x'.repeat(80)}`).join('\n\n'),
      url: 'https://docs.azure.cn/zh-cn/x',
    };
    const table = { title: '表格', path: [], text: '| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```', url: null };
    return LOCALES.flatMap((l) => [
      sectionCard(messages(l), long, { showFeedback: true }),
      sectionCard(messages(l), table, { showFeedback: false }),
    ]);
  },
  'bot/cards/incidentCard.ts': async () => {
    const issue = (n: number, classification: HealthIssue['classification']): HealthIssue => ({
      id: `EX${n}`,
      service: 'exchange',
      classification,
      status: 'serviceDegradation',
      title: `[x](http://evil) <at>bot</at> \${n}`,
      impact: 'Mail is delayed '.repeat(40),
      startTime: '2026-11-23T01:00:00Z',
      lastUpdate: '',
      resolved: false,
      origin: 'graph',
    });
    const many = Array.from({ length: 8 }, (_, n) => ({
      issue: issue(n, n % 2 ? 'advisory' : 'incident'),
      services: ['exchange', 'outlook'],
    }));
    return LOCALES.flatMap((l) => [incidentCard(messages(l), many.slice(0, 1)), incidentCard(messages(l), many)]);
  },
  'bot/desk/csatCard.ts': async () => LOCALES.map((l) => csatCard('T-1001', l)),
  'bot/desk/deskCard.ts': async () => {
    const at = '2026-11-23T03:00:00Z';
    const transcript = Array.from({ length: 9 }, (_, i) => ({
      role: i % 2 ? 'bot' : 'user',
      text: `[x](http://evil) \${n} ${'问题'.repeat(500)}`,
      at,
    }));
    const ticket: Ticket = {
      id: 'T-1001',
      kind: 'reseller',
      category: 'handoff',
      title: 'Asked for a person',
      locale: 'zh-CN',
      status: 'open',
      createdAt: at,
      updatedAt: at,
      history: [],
      summary: { 'zh-CN': '摘要'.repeat(2000), en: 'summary '.repeat(500) },
      details: {
        question: 'Outlook <at>bot</at> keeps asking',
        intent: 'howto_faq',
        contactName: 'Li Wei',
        contactEmail: 'li@contoso.cn',
        channel: 'msteams',
        transcript,
      },
    };
    const waiting: DeskHandoff = {
      ticketId: 'T-1001',
      locale: 'zh-CN',
      customer: { reference: { channelId: 'msteams' }, name: 'Li Wei' },
      desk: { channelId: 'msteams', conversationId: 'c' },
      health: { 'zh-CN': '正常', en: 'healthy' },
      createdAt: at,
      outOfHours: false,
      state: 'waiting',
    };
    const agent = { id: 'a', name: 'Wang Fang' };
    const states: DeskHandoff[] = [
      waiting,
      { ...waiting, outOfHours: true, nextOpen: '2026-11-24T01:00:00Z', queuedAt: at },
      { ...waiting, state: 'taken', takenBy: agent, takenAt: at },
      { ...waiting, state: 'ended', end: 'resolved', endedBy: agent, endedAt: at },
    ];
    const cards = LOCALES.flatMap((first) => states.map((handoff) => deskCard({ ticket, handoff, first, company: 'Fabrikam' })));
    // The longest summary and transcript a handoff can have still fit Teams' message size (about 28 KB).
    for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).to.be.lessThan(24_000);
    return cards;
  },
  'dialogs/intentChoiceCard.ts': async () =>
    LOCALES.flatMap((l) => INTENTS.map((i, n) => intentChoiceCard(messages(l), [i, INTENTS[(n + 1) % INTENTS.length]!]))),
  'dialogs/prompts/answerPrompt.ts': async () =>
    LOCALES.flatMap((l) => withButtons(messages(l).whichOne, [messages(l).yes, messages(l).no]).attachments ?? []),
};

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(p)));
    else if (entry.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

describe('Adaptive Cards: every card the bot can build is version 1.5 or lower, with 1.5 elements and actions only', () => {
  it('the catalog names every source file that builds a card, and nothing uses suggested actions', async () => {
    const files = [...(await sourceFiles(join(ROOT, 'bot'))), ...(await sourceFiles(join(ROOT, 'dialogs')))];
    const builders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (/CardFactory\.adaptiveCard\(|application\/vnd\.microsoft\.card\.adaptive|type:\s*'AdaptiveCard'/.test(text))
        builders.push(relative(ROOT, file));
      expect(text, `${relative(ROOT, file)}: Teams shows no suggested actions in channels`).to.not.match(
        /suggestedActions\s*:|CardFactory\.(heroCard|thumbnailCard|o365ConnectorCard)|MessageFactory\.suggestedActions/,
      );
    }
    expect(builders.sort(), 'add new card builders to CATALOG in this test').to.deep.equal(Object.keys(CATALOG).sort());
  });

  for (const [file, build] of Object.entries(CATALOG)) {
    it(file, async () => {
      const cards = await build();
      expect(cards.length).to.be.greaterThan(0);
      for (const card of cards) {
        expect(card.contentType).to.equal('application/vnd.microsoft.card.adaptive');
        expect(adaptiveCard15Problems(card.content), JSON.stringify(card.content).slice(0, 200)).to.deep.equal([]);
      }
    });
  }

  describe('the checker itself', () => {
    const ok = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'hi' }],
      actions: [{ type: 'Action.Submit', title: 'Go' }],
    };
    it('accepts 1.5 and lower, containers, tables and nested show-cards', () => {
      expect(adaptiveCard15Problems(ok)).to.deep.equal([]);
      expect(adaptiveCard15Problems({ ...ok, version: '1.2' })).to.deep.equal([]);
      const rich = {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [
          {
            type: 'Container',
            items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'Image', url: 'https://x/y.png' }] }] }],
          },
          {
            type: 'Table',
            columns: [{ width: 1 }],
            rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [{ type: 'TextBlock', text: 'a' }] }] }],
          },
          { type: 'RichTextBlock', inlines: ['plain', { type: 'TextRun', text: 'run' }] },
          { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: 'v' }] },
        ],
        actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'FactSet', facts: [] }] } }],
      };
      expect(adaptiveCard15Problems(rich)).to.deep.equal([]);
    });

    it('rejects newer versions, missing versions, and elements or actions from 1.6 and later, wherever they are', () => {
      expect(adaptiveCard15Problems({ ...ok, version: '1.6' })).to.have.length(1);
      expect(adaptiveCard15Problems({ ...ok, version: undefined })).to.have.length(1);
      expect(adaptiveCard15Problems({ ...ok, body: [{ type: 'Icon', name: 'Calendar' }] })[0]).to.match(/Icon/);
      expect(adaptiveCard15Problems({ ...ok, body: [{ type: 'Container', items: [{ type: 'Badge', text: 'new' }] }] })[0]).to.match(
        /body\[0\]\.items\[0\].*Badge/,
      );
      expect(
        adaptiveCard15Problems({
          ...ok,
          actions: [{ type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [{ type: 'CodeBlock' }] } }],
        })[0],
      ).to.match(/CodeBlock/);
      expect(adaptiveCard15Problems({ ...ok, actions: [{ type: 'Action.ResetInputs' }] })[0]).to.match(/ResetInputs/);
      expect(activityCardProblems({ suggestedActions: { actions: [] } })).to.have.length(1);
    });
  });
});
