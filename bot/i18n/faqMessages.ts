/** Strings of the knowledge-base answers (FAQ dialog and article card). */
export interface FaqMessages {
  readonly relatedPrefix: string;
  readonly fullArticle: string;
  readonly moreSteps: string;
  readonly helped: string;
  readonly notHelped: string;
  readonly talkToSupport: string;
  readonly noAnswer: string;
  readonly thanksForFeedback: string;
  readonly nextBest: string;
  readonly outOfArticles: string;
  /** The link to an imported document's public page on its answer card. */
  readonly source: string;
  /** Under a trimmed section on an imported answer card. */
  readonly moreInSection: string;
  /** Labels that imported notes (`> [!NOTE]` and the like) get in a document of this language. */
  readonly noteLabels: Readonly<Record<'note' | 'tip' | 'important' | 'warning' | 'caution', string>>;
}
