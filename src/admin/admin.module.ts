import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReviewersModule } from '../reviewers/reviewers.module';
import { KeysController } from './keys.controller';
import { QueuesController } from './queues.controller';
import { QueuesService } from './queues.service';

@Module({
  imports: [AuthModule, ReviewersModule],
  controllers: [KeysController, QueuesController],
  providers: [QueuesService],
  exports: [QueuesService],
})
export class AdminModule {}
