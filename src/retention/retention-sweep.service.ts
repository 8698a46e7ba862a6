import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { CallbackOutboxRepository } from '../integrations/callback-outbox.repository';
import { PeopleRepository } from '../people/people.repository';
import { SessionsRepository } from '../people/sessions.repository';

interface Pruned {
  table: string;
  /** Deletes up to `limit` rows past their retention; returns how many went. */
  deleteBatch: (limit: number) => Promise<number>;
}

/**
 * Deletes what is only kept for a while: idempotency answers (never before their replay window ends), webhook receipts
 * (a replay that old fails its signature's timestamp anyway), callback attempts (the log behind /deliveries), and
 * what of people's sign-in can no longer be used: ended sessions, spent invitation and reset links.
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
    private readonly sessions: SessionsRepository,
    private readonly people: PeopleRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweepSafely(),
      this.config.get('RETENTION_SWEEP_INTERVAL_MS', { infer: true }),
    );
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
    for (const { table, deleteBatch } of this.pruned()) {
      deleted[table] = 0;
      for (;;) {
        const count = await deleteBatch(size);
        deleted[table] += count;
        if (count < size) break;
      }
    }
    return deleted;
  }

  private pruned(): Pruned[] {
    const hours = (
      name: 'RETENTION_IDEMPOTENCY_HOURS' | 'RETENTION_WEBHOOK_RECEIPTS_HOURS' | 'RETENTION_CALLBACK_ATTEMPTS_HOURS',
    ) => this.config.get(name, { infer: true });
    const idleMinutes = this.config.get('SESSION_IDLE_MINUTES', { infer: true });
    return [
      {
        table: 'idempotency_keys',
        deleteBatch: (limit) => this.idempotency.deleteExpiredKeys(hours('RETENTION_IDEMPOTENCY_HOURS'), limit),
      },
      {
        table: 'webhook_receipts',
        deleteBatch: (limit) =>
          this.idempotency.deleteReceiptsOlderThan(hours('RETENTION_WEBHOOK_RECEIPTS_HOURS'), limit),
      },
      {
        table: 'callback_attempts',
        deleteBatch: (limit) => this.outbox.deleteAttemptsOlderThan(hours('RETENTION_CALLBACK_ATTEMPTS_HOURS'), limit),
      },
      { table: 'user_sessions', deleteBatch: (limit) => this.sessions.deleteEnded(idleMinutes, limit) },
      { table: 'user_tokens', deleteBatch: (limit) => this.people.deleteSpentTokens(limit) },
    ];
  }
}
