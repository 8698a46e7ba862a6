import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { AssignmentAdminController } from './assignment-admin.controller';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentService } from './assignment.service';
import { ClaimMovedListener } from './claim-moved.listener';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';

@Module({
  imports: [ClaimsModule],
  controllers: [ReviewController, AssignmentAdminController],
  providers: [AssignmentRepository, AssignmentService, ReviewQueueService, ClaimMovedListener],
  exports: [AssignmentService, ReviewQueueService],
})
export class ReviewModule {}
