import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';

interface Pruned {
  table: string;
  /** Rows older than this many hours may go. */
  hours: number;
  /** Selects the `ctid`s of up to $2 rows older than $1 hours. */
  batch: string;
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    for (const { table, hours, batch } of this.pruned()) {
      deleted[table] = 0;
      for (;;) {
        const [, count]: [unknown, number] = await this.dataSource.query(`DELETE FROM ${table} WHERE ctid = ANY (ARRAY(${batch}))`, [hours, size]);
        deleted[table] += count;
        if (count < size) break;
      }
    }
    return deleted;
  }

  private pruned(): Pruned[] {
    const older = (column: string) => `${column} < now() - make_interval(hours => $1)`;
    return [
      {
        table: 'idempotency_keys',
        hours: this.config.get('RETENTION_IDEMPOTENCY_HOURS', { infer: true }),
        batch: `SELECT ctid FROM idempotency_keys WHERE expires_at < now() AND ${older('started_at')} LIMIT $2`,
      },
      {
        table: 'webhook_receipts',
        hours: this.config.get('RETENTION_WEBHOOK_RECEIPTS_HOURS', { infer: true }),
        batch: `SELECT ctid FROM webhook_receipts WHERE ${older('created_at')} LIMIT $2`,
      },
      {
        table: 'callback_attempts',
        hours: this.config.get('RETENTION_CALLBACK_ATTEMPTS_HOURS', { infer: true }),
        batch: `SELECT ctid FROM callback_attempts WHERE ${older('created_at')} LIMIT $2`,
      },
    ];
  }
}
