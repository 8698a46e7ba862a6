import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { Environment } from './config/environment';
import { ExtractArticleProcessor } from './extraction/jobs/extract-article.processor';
import { ClaimReviewProcessor } from './review/jobs/claim-review.processor';
import { WorkerModule } from './worker.module';

export async function startWorker() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const concurrency = app.get<ConfigService<Environment, true>>(ConfigService).get('WORKER_CONCURRENCY', { infer: true });
  for (const processor of [app.get(ExtractArticleProcessor), app.get(ClaimReviewProcessor)]) processor.worker.concurrency = concurrency;
  await app.init();
  return app;
}

if (require.main === module) {
  void startWorker().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
