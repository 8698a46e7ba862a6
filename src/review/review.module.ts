import { Module } from '@nestjs/common';
import { AssignmentAdminController } from './assignment-admin.controller';
import { AssignmentService } from './assignment.service';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';

@Module({
  controllers: [ReviewController, AssignmentAdminController],
  providers: [AssignmentService, ReviewQueueService],
  exports: [AssignmentService, ReviewQueueService],
})
export class ReviewModule {}
