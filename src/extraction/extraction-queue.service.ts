import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { ExtractArticleJob } from '../queue/job-data';
import { extractArticleJobOptions } from '../queue/job-options';
import { enqueueInBatches } from '../queue/enqueue';
import { ARTICLE_EXTRACTION_QUEUE, JOB_EXTRACT_ARTICLE } from '../queue/queue-names';

@Injectable()
export class ExtractionQueueService {
  constructor(@InjectQueue(ARTICLE_EXTRACTION_QUEUE) private readonly queue: Queue<ExtractArticleJob>) {}

  enqueue(articleId: string, revision: number): Promise<boolean> {
    return this.enqueueMany([{ id: articleId, revision }]);
  }

  enqueueMany(articles: { id: string; revision: number }[]): Promise<boolean> {
    return enqueueInBatches('extractions', articles, (batch) =>
      this.queue.addBulk(
        batch.map((a) => ({
          name: JOB_EXTRACT_ARTICLE,
          data: { articleId: a.id, revision: a.revision },
          opts: extractArticleJobOptions(a.id, a.revision),
        })),
      ),
    );
  }
}
