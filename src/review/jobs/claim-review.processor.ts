import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { AssignClaimJob, ExpireLeaseJob } from '../../queue/job-data';
import { CLAIM_REVIEW_QUEUE, JOB_ASSIGN_CLAIM, JOB_EXPIRE_LEASE } from '../../queue/queue-names';
import { WORKER_OPTIONS } from '../../queue/worker-options';
import { AssignmentService } from '../assignment.service';

@Processor(CLAIM_REVIEW_QUEUE, WORKER_OPTIONS)
export class ClaimReviewProcessor extends WorkerHost {
  constructor(private readonly assignments: AssignmentService) {
    super();
  }

  async process(job: Job<AssignClaimJob | ExpireLeaseJob>): Promise<string> {
    switch (job.name) {
      case JOB_ASSIGN_CLAIM: {
        const assignment = await this.assignments.assignToLeastLoaded(job.data.claimId);
        return assignment ? `assigned to ${assignment.reviewerId}` : 'waiting for a reviewer';
      }
      case JOB_EXPIRE_LEASE:
        return `${await this.assignments.expireLeases([job.data.claimId])} expired`;
      default:
        throw new Error(`Unknown job ${job.name} on ${CLAIM_REVIEW_QUEUE}`);
    }
  }
}
