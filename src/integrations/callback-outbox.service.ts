import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../database/unit-of-work';
import { CallbackOutboxRepository, type OutboxEvent } from './callback-outbox.repository';
import { CallbackQueueService, type DueDelivery } from './callback-queue.service';

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

  /**
   * `alsoIfReviewed`: and `article.reviewed` if extraction is done and no claim is left unverified. Pass it last in
   * the transaction that gave the verdict (or withdrew claims): it holds a per-article lock (two last verdicts at once
   * must not both miss it) until the commit.
   */
  async record(em: EntityManager, articleId: string, events: OutboxEvent[], alsoIfReviewed = false): Promise<void> {
    if (events.length === 0 && !alsoIfReviewed) return;
    this.enqueueOnCommit(
      em,
      await this.outbox.insertForArticle(em, articleId, events, new Date().toISOString(), alsoIfReviewed),
    );
  }

  /** Deliveries written in `em`'s transaction (or by the one statement of a claim's move) are queued once it commits. */
  enqueueOnCommit(em: EntityManager, due: DueDelivery[]): void {
    if (due.length > 0) afterCommit(em, () => this.callbackQueue.enqueue(due));
  }
}
