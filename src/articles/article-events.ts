import { domainEvent } from '../database/domain-events';

/** A new article, or a new revision of one, was written (published inside that transaction). */
export interface ArticleAccepted {
  articleId: string;
  revision: number;
}

export const ARTICLE_ACCEPTED = domainEvent<ArticleAccepted>('article.accepted');
