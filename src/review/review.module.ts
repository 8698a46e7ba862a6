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
import { SecondOpinionController } from './second-opinion.controller';
import { SecondOpinionService } from './second-opinion.service';

@Module({
  imports: [ClaimsModule],
  controllers: [ReviewController, AssignmentAdminController, SecondOpinionController, ClaimsBulkController],
  providers: [
    AssignmentRepository,
    AssignmentService,
    ReviewQueueService,
    ClaimMovedListener,
    SecondOpinionService,
    ClaimsBulkService,
  ],
  exports: [AssignmentService, ReviewQueueService, SecondOpinionService, ClaimsBulkService],
})
export class ReviewModule {}
