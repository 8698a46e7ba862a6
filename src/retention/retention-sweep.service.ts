import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { CallbackOutboxRepository } from '../integrations/callback-outbox.repository';

interface Pruned {
  table: string;
  /** Rows older than this many hours may go. */
  hours: number;
  /** Deletes up to `limit` such rows; returns how many went. */
  deleteBatch: (hours: number, limit: number) => Promise<number>;
}

/**
 * Deletes what is only kept for a while: idempotency answers (never before their replay window ends), webhook receipts
 * (a replay that old fails its signature's timestamp anyway) and callback attempts (the log behind /deliveries).
 * In batches, each its own short statement, so no lock is held for long and other writes go on between them.
 */
@Injectable()
export class RetentionSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionSweepService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<Record<string, number>> | null = null;

  constructor(
    private readonly idempotency: IdempotencyRepository,
    private readonly outbox: CallbackOutboxRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweepSafely(), this.config.get('RETENTION_SWEEP_INTERVAL_MS', { infer: true }));
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Rows deleted per table; one sweep at a time in this process (another worker's overlapping one only finds less to do). */
  sweep(): Promise<Record<string, number>> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepSafely(): Promise<void> {
    try {
      const deleted = await this.sweep();
      if (Object.values(deleted).some((n) => n > 0)) this.logger.log(deleted, 'pruned old rows');
    } catch (error) {
      this.logger.warn(`Retention sweep failed; the next one retries: ${(error as Error).message}`);
    }
  }

  private async pass(): Promise<Record<string, number>> {
    const size = this.config.get('RETENTION_BATCH_SIZE', { infer: true });
    const deleted: Record<string, number> = {};
    for (const { table, hours, deleteBatch } of this.pruned()) {
      deleted[table] = 0;
      for (;;) {
        const count = await deleteBatch(hours, size);
        deleted[table] += count;
        if (count < size) break;
      }
    }
    return deleted;
  }

  private pruned(): Pruned[] {
    return [
      {
        table: 'idempotency_keys',
        hours: this.config.get('RETENTION_IDEMPOTENCY_HOURS', { infer: true }),
        deleteBatch: (hours, limit) => this.idempotency.deleteExpiredKeys(hours, limit),
      },
      {
        table: 'webhook_receipts',
        hours: this.config.get('RETENTION_WEBHOOK_RECEIPTS_HOURS', { infer: true }),
        deleteBatch: (hours, limit) => this.idempotency.deleteReceiptsOlderThan(hours, limit),
      },
      {
        table: 'callback_attempts',
        hours: this.config.get('RETENTION_CALLBACK_ATTEMPTS_HOURS', { infer: true }),
        deleteBatch: (hours, limit) => this.outbox.deleteAttemptsOlderThan(hours, limit),
      },
    ];
  }
}
