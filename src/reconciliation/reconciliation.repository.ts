import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DueDelivery } from '../integrations/callback-queue.service';

/** Any constant: workers share it so that one reconciles at a time. */
const RECONCILE_LOCK = 7_301_994;

/**
 * The reconciler's own statements: the lock that lets one worker reconcile at a time, and the read of pending
 * callback deliveries (the outbox's rows, read here because nothing else reads them this way). The rows of articles
 * and claims it re-adds come from their repositories.
 */
@Injectable()
export class ReconciliationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` holding the session-level reconcile lock, on a connection of its own and in no transaction (one held
   * across the pass would hold back vacuum); null, without running it, while another holds the lock.
   */
  async whileHoldingLock<T>(work: () => Promise<T>): Promise<T | null> {
    const lock = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RECONCILE_LOCK]);
      if (!locked) return null;
      try {
        return await work();
      } finally {
        await lock.query(`SELECT pg_advisory_unlock($1)`, [RECONCILE_LOCK]);
      }
    } finally {
      await lock.release();
    }
  }

  /** Pending deliveries by id after `after`, with their due times. */
  pendingDeliveries(after: string | null, limit: number): Promise<DueDelivery[]> {
    return this.dataSource.query(
      `SELECT id, next_attempt_at AS "nextAttemptAt" FROM callback_deliveries
       WHERE status = 'pending' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${limit}`,
      [after],
    );
  }
}
