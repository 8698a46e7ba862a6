import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { MatchClaimsJob, PublishVerdictJob, RematchImportJob } from '../../queue/job-data';
import {
  CLAIM_MATCHING_QUEUE,
  JOB_MATCH_CLAIMS,
  JOB_PUBLISH_VERDICT,
  JOB_REMATCH_IMPORT,
} from '../../queue/queue-names';
import { WORKER_OPTIONS } from '../../queue/worker-options';
import { ClaimMatchingService } from '../claim-matching.service';
import { DeskVerdictService } from '../desk-verdict.service';
import { FactCheckRematchService } from '../fact-check-rematch.service';

@Processor(CLAIM_MATCHING_QUEUE, WORKER_OPTIONS)
export class ClaimMatchingProcessor extends WorkerHost {
  constructor(
    private readonly matching: ClaimMatchingService,
    private readonly verdicts: DeskVerdictService,
    private readonly rematch: FactCheckRematchService,
  ) {
    super();
  }

  async process(job: Job<MatchClaimsJob | PublishVerdictJob | RematchImportJob>): Promise<string> {
    switch (job.name) {
      case JOB_MATCH_CLAIMS:
        return `${await this.matching.matchClaims((job.data as MatchClaimsJob).claimIds)} matches`;
      case JOB_REMATCH_IMPORT:
        return `${await this.rematch.rematchImport((job.data as RematchImportJob).importId)} claims re-matched`;
      case JOB_PUBLISH_VERDICT:
        return this.verdicts.publish((job.data as PublishVerdictJob).claimId);
      default:
        throw new Error(`Unknown job ${job.name} on ${CLAIM_MATCHING_QUEUE}`);
    }
  }
}
