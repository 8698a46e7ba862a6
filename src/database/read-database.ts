import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Environment } from '../config/environment';

/** The primary's options aimed at the replica: same entities, its own pool, and no migrations (a replica is read-only). */
export function replicaOptions(primary: DataSourceOptions, readUrl: string, poolSize: number): DataSourceOptions {
  return { ...primary, url: readUrl, migrations: [], migrationsRun: false, extra: { max: poolSize, connectionTimeoutMillis: 5000 } } as DataSourceOptions;
}

/** How often the replica is asked whether it answers; between two asks a listing may still meet it down (a 503). */
export const REPLICA_CHECK_MS = 2_000;

/**
 * Where the listing and page queries read: a streaming replica when `DATABASE_READ_URL` is set, else the primary.
 * Only queries that may lag the primary by the replica's delay belong here; a read right after a write (or under a
 * lock) stays on the primary. While the replica does not answer (down at start too), the listings read the primary:
 * a replica's outage costs the primary load, not the listings. Provided by `DatabaseModule`'s factory, which connects it.
 */
export class ReadDatabase implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadDatabase.name);
  private standby: DataSource | null = null;
  private standbyAnswers = false;
  private checking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly primary: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  get dataSource(): DataSource {
    return this.standby && this.standbyAnswers ? this.standby : this.primary;
  }

  /** The replica's data source, when `DATABASE_READ_URL` is set; null when the listings read the primary by design. */
  get replica(): DataSource | null {
    return this.standby;
  }

  /** `up`, `down` (the listings read the primary meanwhile), or null without a replica: what `/health` reports. */
  get replicaState(): 'up' | 'down' | null {
    return this.standby ? (this.standbyAnswers ? 'up' : 'down') : null;
  }

  /** Connects to the replica, if there is one, and keeps asking it; the module's factory calls it before anything reads. */
  async connect(): Promise<this> {
    const readUrl = this.config.get('DATABASE_READ_URL', { infer: true });
    if (!readUrl) return this;
    this.standby = new DataSource(replicaOptions(this.primary.options, readUrl, this.config.get('DATABASE_POOL_SIZE', { infer: true })));
    await this.check();
    this.timer = setInterval(() => void this.check(), REPLICA_CHECK_MS).unref();
    return this;
  }

  /** Asks the replica (connecting first if it never was), one ask at a time, and switches the listings on its answer. */
  check(): Promise<void> {
    this.checking ??= this.ask().finally(() => (this.checking = null));
    return this.checking;
  }

  private async ask(): Promise<void> {
    const standby = this.standby!;
    let answers: boolean;
    try {
      if (!standby.isInitialized) await standby.initialize();
      await standby.query('SELECT 1');
      answers = true;
    } catch (error) {
      answers = false;
      if (this.standbyAnswers || !standby.isInitialized) this.logger.warn(`The read replica does not answer; the listings read the primary until it does: ${(error as Error).message}`);
    }
    if (answers && !this.standbyAnswers) this.logger.log('The read replica answers; the listings read it again');
    this.standbyAnswers = answers;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    if (this.standby?.isInitialized) await this.standby.destroy();
  }
}
