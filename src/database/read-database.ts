import type { OnApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Environment } from '../config/environment';

/** The primary's options aimed at the replica: same entities, its own pool, and no migrations (a replica is read-only). */
export function replicaOptions(primary: DataSourceOptions, readUrl: string, poolSize: number): DataSourceOptions {
  return { ...primary, url: readUrl, migrations: [], migrationsRun: false, extra: { max: poolSize, connectionTimeoutMillis: 5000 } } as DataSourceOptions;
}

/**
 * Where the listing and page queries read: a streaming replica when `DATABASE_READ_URL` is set, else the primary.
 * Only queries that may lag the primary by the replica's delay belong here; a read right after a write (or under a
 * lock) stays on the primary. Provided by `DatabaseModule`'s factory, which connects it.
 */
export class ReadDatabase implements OnApplicationShutdown {
  private standby: DataSource | null = null;

  constructor(
    private readonly primary: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  get dataSource(): DataSource {
    return this.standby ?? this.primary;
  }

  /** The replica's data source, when `DATABASE_READ_URL` is set (`/health` pings it); null when the listings read the primary. */
  get replica(): DataSource | null {
    return this.standby;
  }

  /** Connects to the replica, if there is one; the module's factory calls it before anything reads. */
  async connect(): Promise<this> {
    const readUrl = this.config.get('DATABASE_READ_URL', { infer: true });
    if (readUrl) this.standby = await new DataSource(replicaOptions(this.primary.options, readUrl, this.config.get('DATABASE_POOL_SIZE', { infer: true }))).initialize();
    return this;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.standby?.destroy();
  }
}
