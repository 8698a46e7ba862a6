import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PeopleRepository } from '../people/people.repository';
import { SessionsRepository } from '../people/sessions.repository';
import { RetentionSweepService } from './retention-sweep.service';

/** Worker only: the sweep runs on a timer in the worker process; the repositories that own the tables delete. */
@Module({
  imports: [IdempotencyModule],
  // The people repositories need only the data source, not the people module's sign-in machinery.
  providers: [RetentionSweepService, PeopleRepository, SessionsRepository],
})
export class RetentionModule {}
