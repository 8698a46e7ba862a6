import 'reflect-metadata';
import type { WorkerHost } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { exitIfStillStoppingAfter } from './common/shutdown-deadline';
import type { Environment } from './config/environment';
import { ExtractArticleProcessor } from './extraction/jobs/extract-article.processor';
import { ClaimMatchingProcessor } from './fact-checks/jobs/claim-matching.processor';
import { WorkerMetricsService } from './health/worker-metrics.service';
import { WorkerStatusServer } from './health/worker-status.server';
import { CallbackDeliveryProcessor } from './integrations/jobs/callback-delivery.processor';
import { ClaimReviewProcessor } from './review/jobs/claim-review.processor';
import { WorkerModule } from './worker.module';

export async function startWorker() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  const openConsumers = new Set<string>();
  const metrics = app.get(WorkerMetricsService);
  for (const { worker } of [
    ExtractArticleProcessor,
    ClaimReviewProcessor,
    ClaimMatchingProcessor,
    CallbackDeliveryProcessor,
  ].map((type) => app.get<WorkerHost>(type))) {
    metrics.watch(worker);
    openConsumers.add(worker.name);
    worker.once('closed', () => openConsumers.delete(worker.name));
  }
  exitIfStillStoppingAfter(
    config.get('SHUTDOWN_GRACE_MS', { infer: true }),
    (message) => app.get(Logger).error(message, 'Shutdown'),
    () => [...openConsumers].map((queue) => `the ${queue} consumer`),
  );
  app.get(ExtractArticleProcessor).worker.concurrency = config.get('EXTRACTION_CONCURRENCY', { infer: true });
  app.get(ClaimReviewProcessor).worker.concurrency = config.get('WORKER_CONCURRENCY', { infer: true });
  await app.init();
  await app.get(WorkerStatusServer).listen();
  return app;
}

if (require.main === module) {
  void startWorker().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
