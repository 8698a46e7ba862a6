import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ExtractArticleJob } from '../queue/job-data';
import { extractArticleJobOptions } from '../queue/job-options';
import { enqueueOrDefer } from '../queue/enqueue';
import { ARTICLE_EXTRACTION_QUEUE, JOB_EXTRACT_ARTICLE } from '../queue/queue-names';

@Injectable()
export class ExtractionQueueService {
  constructor(@InjectQueue(ARTICLE_EXTRACTION_QUEUE) private readonly queue: Queue<ExtractArticleJob>) {}

  enqueue(articleId: string, revision: number): Promise<boolean> {
    return this.enqueueMany([{ id: articleId, revision }]);
  }

  enqueueMany(articles: { id: string; revision: number }[]): Promise<boolean> {
    return enqueueOrDefer(`${articles.length} extractions`, () =>
      this.queue.addBulk(articles.map((a) => ({ name: JOB_EXTRACT_ARTICLE, data: { articleId: a.id, revision: a.revision }, opts: extractArticleJobOptions(a.id, a.revision) }))),
    );
  }
}
