import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { AssignmentAdminController } from './assignment-admin.controller';
import { AssignmentRepository } from './assignment.repository';
import { AssignmentService } from './assignment.service';
import { ClaimMovedListener } from './claim-moved.listener';
import { ClaimsBulkController } from './claims-bulk.controller';
import { ClaimsBulkService } from './claims-bulk.service';
import { ReviewQueueService } from './review-queue.service';
import { ReviewController } from './review.controller';

@Module({
  imports: [ClaimsModule],
  controllers: [ReviewController, AssignmentAdminController, ClaimsBulkController],
  providers: [AssignmentRepository, AssignmentService, ReviewQueueService, ClaimMovedListener, ClaimsBulkService],
  exports: [AssignmentService, ReviewQueueService, ClaimsBulkService],
})
export class ReviewModule {}
