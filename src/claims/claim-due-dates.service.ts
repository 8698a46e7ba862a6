import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEvents } from '../database/domain-events';
import { inTransaction } from '../database/unit-of-work';
import { CLAIM_DUE_SOON } from './claim-events';
import { ClaimsRepository } from './claims.repository';

/** How long before its due date an assigned claim's reviewer hears that it is due soon. */
export const DUE_SOON_MS = 3_600_000;
/** Claims marked per transaction. */
const DUE_SOON_BATCH = 500;

/** The due-soon notice: once per claim and due date, recorded in Postgres, so a restart or a lost Redis neither repeats nor skips it. */
@Injectable()
export class ClaimDueDatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly claims: ClaimsRepository,
  ) {}

  /**
   * Announces CLAIM_DUE_SOON for every open, assigned claim due within the hour (or overdue) not yet announced: each
   * is marked and announced in one transaction, so the notice is written once. Returns how many.
   */
  async announceDueSoon(): Promise<number> {
    let announced = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, async (em) => {
        const due = await this.claims.markDueSoon(em, DUE_SOON_MS, DUE_SOON_BATCH);
        for (const claim of due)
          await this.events.publish(em, CLAIM_DUE_SOON, { claim, reviewerId: claim.assigneeId! });
        return due.length;
      });
      announced += batch;
      if (batch < DUE_SOON_BATCH) return announced;
    }
  }
}
