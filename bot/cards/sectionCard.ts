import { CardFactory, type Attachment } from 'botbuilder';
import type { Messages } from '../i18n/messages.js';

/** What the section answer card needs: the document, the section that answers, and where the document lives. */
export interface SectionView {
  readonly title: string;
  /** The headings from the `##` down to the section's own; empty for a document's opening or a question-answer pair. */
  readonly path: readonly string[];
  readonly text: string;
  /** The document's public page: the card's "Source" link. */
  readonly url: string | null;
}

/** Teams rejects cards over about 28 KB; a section is cut well before, at a paragraph or sentence. */
const MAX_SECTION_CHARS = 1_500;

function imBack(title: string): object {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: title } } };
}

/** Markdown that a card's TextBlock shows plainly: code fences, table rules and heading marks go; table cells are joined. */
function cardText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((l) => !/^\s*(```|~~~)/.test(l) && !/^\s*\|?\s*:?-{3,}/.test(l))
    .map((l) =>
      /^\s*\|.*\|\s*$/.test(l)
        ? l
            .trim()
            .slice(1, -1)
            .split('|')
            .map((c) => c.trim())
            .join(' · ')
        : l,
    )
    .map((l) => l.replace(/^#{1,6}\s+(.*)$/, '**$1**'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The start of a section, cut at the last paragraph (or else sentence) that fits, and whether anything was left out. */
export function sectionExcerpt(markdown: string, max = MAX_SECTION_CHARS): { text: string; trimmed: boolean } {
  const text = cardText(markdown);
  if (text.length <= max) return { text, trimmed: false };
  const head = text.slice(0, max);
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph > max / 3) return { text: head.slice(0, paragraph).trim(), trimmed: true };
  const sentence = Math.max(...['。', '！', '？', '. ', '! ', '? ', '\n'].map((s) => head.lastIndexOf(s) + (s.trim().length || 0)));
  return { text: `${(sentence > max / 3 ? head.slice(0, sentence) : head).trim()}…`, trimmed: true };
}

/**
 * An imported document's answer as an Adaptive Card 1.5: the document title, the section's headings, the
 * section (trimmed), a "Source" link to the document's page, then feedback and support buttons.
 */
export function sectionCard(m: Messages, view: SectionView, options: { readonly showFeedback: boolean }): Attachment {
  const { text, trimmed } = sectionExcerpt(view.text);
  const actions = [
    ...(view.url ? [{ type: 'Action.OpenUrl', title: m.faq.source, url: view.url }] : []),
    ...(trimmed ? [imBack(m.faq.fullArticle)] : []),
    ...(options.showFeedback ? [imBack(m.faq.helped), imBack(m.faq.notHelped)] : []),
    imBack(m.faq.talkToSupport),
  ];
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: view.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(view.path.length > 0 ? [{ type: 'TextBlock', text: view.path.join(' › '), wrap: true, isSubtle: true, weight: 'Bolder' }] : []),
      { type: 'TextBlock', text, wrap: true },
      ...(trimmed ? [{ type: 'TextBlock', text: m.faq.moreInSection, wrap: true, isSubtle: true }] : []),
    ],
    actions,
  });
}
