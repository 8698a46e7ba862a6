import { Injectable, OnModuleInit } from '@nestjs/common';
import { ARTICLE_ACCEPTED } from '../articles/article-events';
import { DomainEvents } from '../database/domain-events';
import { afterCommit } from '../database/unit-of-work';
import { ExtractionQueueService } from './extraction-queue.service';

/** A new article or revision is queued for extraction once it has committed. */
@Injectable()
export class ArticleAcceptedListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly extractionQueue: ExtractionQueueService,
  ) {}

  onModuleInit(): void {
    this.events.on(ARTICLE_ACCEPTED, async (em, { articleId, revision }) => {
      afterCommit(em, () => this.extractionQueue.enqueue(articleId, revision));
    });
  }
}
