import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimEventEntity } from '../claims/claim-event.entity';
import { ClaimEntity } from '../claims/claim.entity';
import { AssignmentAdminController } from './assignment-admin.controller';
import { AssignmentService } from './assignment.service';
import { ClaimMovedListener } from './claim-moved.listener';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimEventEntity])],
  controllers: [ReviewController, AssignmentAdminController],
  providers: [AssignmentService, ReviewQueueService, ClaimMovedListener],
  exports: [AssignmentService, ReviewQueueService],
})
export class ReviewModule {}
