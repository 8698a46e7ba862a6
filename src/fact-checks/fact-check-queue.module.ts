import { Module } from '@nestjs/common';
import { FactCheckQueueService } from './fact-check-queue.service';

/** Only the producers, so extraction can enqueue matching without depending on the fact-checks module. */
@Module({
  providers: [FactCheckQueueService],
  exports: [FactCheckQueueService],
})
export class FactCheckQueueModule {}
