import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PeopleModule } from '../people/people.module';
import { ReviewersModule } from '../reviewers/reviewers.module';
import { EventsController } from './events.controller';
import { EventsQueryService } from './events-query.service';
import { EventsRepository } from './events.repository';
import { KeysController } from './keys.controller';
import { KeysService } from './keys.service';
import { QueuesController } from './queues.controller';
import { QueuesService } from './queues.service';
import { StatsController } from './stats.controller';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

@Module({
  imports: [AuthModule, ReviewersModule, PeopleModule],
  controllers: [KeysController, QueuesController, EventsController, StatsController],
  providers: [KeysService, QueuesService, EventsRepository, EventsQueryService, StatsRepository, StatsService],
  exports: [KeysService, QueuesService, StatsService, EventsQueryService],
})
export class AdminModule {}
