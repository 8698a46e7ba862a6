import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { RetentionSweepService } from './retention-sweep.service';

/** Worker only: the sweep runs on a timer in the worker process; the repositories that own the tables delete. */
@Module({
  imports: [IdempotencyModule],
  providers: [RetentionSweepService],
})
export class RetentionModule {}
