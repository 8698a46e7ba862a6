import type { LoggerService, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Pool } from 'pg';
import { ping } from './sql';
import type { Environment } from '../config/environment';

/**
 * The primary's options aimed at the replica: same entities, a pool of its own kept as the primary's is (connections
 * kept through quiet spells, keep-alive), and no migrations (a replica is read-only).
 */
export function replicaOptions(primary: DataSourceOptions, readUrl: string, poolSize: number): DataSourceOptions {
  const pool = (primary as { extra?: Record<string, unknown> }).extra;
  return {
    ...primary,
    url: readUrl,
    migrations: [],
    migrationsRun: false,
    extra: { ...pool, max: poolSize },
  } as DataSourceOptions;
}

/** How often the replica is asked whether it answers; between two asks a listing may still meet it down (a 503). */
export const REPLICA_CHECK_MS = 2_000;
/** An ask unanswered this long counts as down: a replica whose host vanished never closes its connections. */
const REPLICA_ASK_TIMEOUT_MS = 1_000;

/**
 * Where the listing and page queries read: a streaming replica when `DATABASE_READ_URL` is set, else the primary.
 * Only queries that may lag the primary by the replica's delay belong here; a read right after a write (or under a
 * lock) stays on the primary. While the replica does not answer (down at start too) the listings read the primary:
 * a replica's outage costs the primary load, not the listings. It is asked on a connection of its own, so busy
 * listings never make it look down. Provided by `DatabaseModule`'s factory, which connects it.
 */
export class ReadDatabase implements OnApplicationShutdown {
  private standby: DataSource | null = null;
  private asker: Pool | null = null;
  /** The last ask's answer; null before the first. A change is logged, so an outage is logged once. */
  private standbyAnswers: boolean | null = null;
  private checking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly primary: DataSource,
    private readonly config: ConfigService<Environment, true>,
    private readonly logger: Pick<LoggerService, 'log' | 'warn'>,
  ) {}

  get dataSource(): DataSource {
    return this.standby && this.standbyAnswers ? this.standby : this.primary;
  }

  /** `up`, `down` (the listings read the primary meanwhile), or null without a replica: what `/health` reports. */
  get replicaState(): 'up' | 'down' | null {
    return this.standby ? (this.standbyAnswers ? 'up' : 'down') : null;
  }

  /** Connects to the replica, if there is one, and keeps asking it; the module's factory calls it before anything reads. */
  async connect(): Promise<this> {
    const readUrl = this.config.get('DATABASE_READ_URL', { infer: true });
    if (!readUrl) return this;
    this.standby = new DataSource(
      replicaOptions(this.primary.options, readUrl, this.config.get('DATABASE_POOL_SIZE', { infer: true })),
    );
    this.asker = new Pool({
      connectionString: readUrl,
      max: 1,
      connectionTimeoutMillis: REPLICA_ASK_TIMEOUT_MS,
      query_timeout: REPLICA_ASK_TIMEOUT_MS,
      keepAlive: true,
      application_name: 'claimdesk-replica-check',
    });
    // An idle connection's error (the replica going away) surfaces at the next ask.
    this.asker.on('error', () => undefined);
    await this.check();
    this.timer = setInterval(() => void this.check(), REPLICA_CHECK_MS).unref();
    return this;
  }

  /** Asks the replica (connecting the listings' pool first if it never was), one ask at a time, and switches on its answer. */
  check(): Promise<void> {
    this.checking ??= this.ask().finally(() => (this.checking = null));
    return this.checking;
  }

  private async ask(): Promise<void> {
    let failure: string | null = null;
    try {
      await ping(this.asker!);
      if (!this.standby!.isInitialized) await this.standby!.initialize();
    } catch (error) {
      failure = (error as Error).message;
    }
    const before = this.standbyAnswers;
    this.standbyAnswers = failure === null;
    if (before === this.standbyAnswers) return;
    if (failure !== null)
      this.logger.warn(`The read replica does not answer; the listings read the primary until it does: ${failure}`);
    else if (before === false) this.logger.log('The read replica answers again; the listings read it');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // An ask in flight is bounded by its timeouts; shutdown does not wait for more than one of them.
    await Promise.race([
      this.checking,
      new Promise((resolve) => setTimeout(resolve, REPLICA_ASK_TIMEOUT_MS * 2).unref()),
    ]);
    await this.asker?.end();
    if (this.standby?.isInitialized) await this.standby.destroy();
  }
}
