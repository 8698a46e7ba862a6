import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { ExtractArticleJob } from '../../queue/job-data';
import { ARTICLE_EXTRACTION_QUEUE, JOB_EXTRACT_ARTICLE } from '../../queue/queue-names';
import { WORKER_OPTIONS } from '../../queue/worker-options';
import { ExtractionService } from '../extraction.service';

@Processor(ARTICLE_EXTRACTION_QUEUE, WORKER_OPTIONS)
export class ExtractArticleProcessor extends WorkerHost implements OnModuleInit {
  constructor(private readonly extraction: ExtractionService) {
    super();
  }

  /** Not awaited: the threads load beside the rest of the worker's start, and a job that comes first waits for its thread. */
  onModuleInit(): void {
    void this.extraction.warmUp();
  }

  async process(job: Job<ExtractArticleJob>): Promise<void> {
    if (job.name !== JOB_EXTRACT_ARTICLE) throw new Error(`Unknown job ${job.name} on ${ARTICLE_EXTRACTION_QUEUE}`);
    await this.extraction.extractArticle(job.data);
  }
}
