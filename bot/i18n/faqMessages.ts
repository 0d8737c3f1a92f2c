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
}
