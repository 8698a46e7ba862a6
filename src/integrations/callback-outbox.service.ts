import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../database/unit-of-work';
import { CallbackOutboxRepository, type OutboxEvent } from './callback-outbox.repository';
import { CallbackQueueService } from './callback-queue.service';

/**
 * The outbox: delivery rows are written inside the transaction that makes the change, one per subscribed
 * endpoint of the article's owner; their jobs are queued after the commit, which only makes them go out sooner than
 * the reconciler would.
 */
@Injectable()
export class CallbackOutboxService {
  constructor(
    private readonly outbox: CallbackOutboxRepository,
    private readonly callbackQueue: CallbackQueueService,
  ) {}

  async record(em: EntityManager, articleId: string, events: OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const due = await this.outbox.insertForArticle(em, articleId, events, new Date().toISOString());
    if (due.length > 0) afterCommit(em, () => this.callbackQueue.enqueue(due));
  }

  /**
   * `article.reviewed` when extraction is done and no claim is left unverified. Call it last in the transaction that
   * gave the verdict: it holds a per-article lock (two last verdicts at once must not both miss it) until the commit.
   */
  async recordIfReviewed(em: EntityManager, articleId: string): Promise<void> {
    await this.outbox.lockReviewedCheck(em, articleId);
    const article = await this.outbox.reviewedArticle(em, articleId);
    if (!article || article.claims === 0) return;
    await this.record(em, articleId, [{ type: 'article.reviewed', data: { revision: article.revision, claims: article.claims } }]);
  }
}
