import { Module } from '@nestjs/common';
import { RetentionSweepService } from './retention-sweep.service';

/** Worker only: the sweep runs on a timer in the worker process. */
@Module({
  providers: [RetentionSweepService],
})
export class RetentionModule {}
