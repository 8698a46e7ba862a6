import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../database/unit-of-work';
import { Coalescer } from '../queue/coalescer';
import { enqueueInBatches } from '../queue/enqueue';
import type { MatchClaimsJob, PublishVerdictJob, RematchImportJob } from '../queue/job-data';
import { matchClaimsJobOptions, publishVerdictJobOptions, rematchImportJobOptions } from '../queue/job-options';
import { CLAIM_MATCHING_QUEUE, JOB_MATCH_CLAIMS, JOB_PUBLISH_VERDICT, JOB_REMATCH_IMPORT } from '../queue/queue-names';

const CLAIMS_PER_JOB = 50;

interface VerdictToPublish {
  claimId: string;
  version: number;
}

/** Producers for the claim-matching queue; the worker's processor does the work. */
@Injectable()
export class FactCheckQueueService {
  private readonly verdicts = new Coalescer((verdicts: VerdictToPublish[]) => this.enqueueVerdicts(verdicts));

  constructor(
    @InjectQueue(CLAIM_MATCHING_QUEUE)
    private readonly queue: Queue<MatchClaimsJob | PublishVerdictJob | RematchImportJob>,
  ) {}

  enqueueMatching(claimIds: string[]): Promise<boolean> {
    const chunks: string[][] = [];
    for (let i = 0; i < claimIds.length; i += CLAIMS_PER_JOB) chunks.push(claimIds.slice(i, i + CLAIMS_PER_JOB));
    return enqueueInBatches('claim matching', chunks, (batch) =>
      this.queue.addBulk(
        batch.map((ids) => ({ name: JOB_MATCH_CLAIMS, data: { claimIds: ids }, opts: matchClaimsJobOptions() })),
      ),
    );
  }

  /** The reconciler's re-send of claims never matched: one job per claim, by id, so a re-send while one waits adds nothing. */
  enqueueRematching(claimIds: string[]): Promise<boolean> {
    return enqueueInBatches('claim re-matching', claimIds, (batch) =>
      this.queue.addBulk(
        batch.map((id) => ({ name: JOB_MATCH_CLAIMS, data: { claimIds: [id] }, opts: matchClaimsJobOptions(id) })),
      ),
    );
  }

  /** Imports whose fact-checks the open claims have not yet been matched against (after an import, and the reconciler's re-send). */
  enqueueImportRematches(importIds: string[]): Promise<boolean> {
    return enqueueInBatches('import re-matching', importIds, (batch) =>
      this.queue.addBulk(
        batch.map((importId) => ({
          name: JOB_REMATCH_IMPORT,
          data: { importId },
          opts: rematchImportJobOptions(importId),
        })),
      ),
    );
  }

  /** New claims are matched once the transaction that wrote them has committed. */
  enqueueMatchingOnCommit(em: EntityManager, claimIds: string[]): void {
    if (claimIds.length > 0) afterCommit(em, () => this.enqueueMatching(claimIds));
  }

  enqueueVerdictOnCommit(em: EntityManager, claimId: string, version: number): void {
    afterCommit(em, () => this.enqueueVerdict(claimId, version));
  }

  /** Concurrent verdicts' jobs go to Redis in one write (each keeps its own job id). */
  enqueueVerdict(claimId: string, version: number): Promise<boolean> {
    return this.verdicts.add({ claimId, version });
  }

  /** Each verdict's job, named by its claim and version, so a re-send (the reconciler's) while one waits adds nothing. */
  enqueueVerdicts(verdicts: VerdictToPublish[]): Promise<boolean> {
    return enqueueInBatches('verdict publication', verdicts, (batch) =>
      this.queue.addBulk(
        batch.map((v) => ({
          name: JOB_PUBLISH_VERDICT,
          data: { claimId: v.claimId },
          opts: publishVerdictJobOptions(v.claimId, v.version),
        })),
      ),
    );
  }
}
