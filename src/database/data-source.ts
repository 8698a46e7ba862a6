import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { loadEnvironment } from '../config/environment';

/** How long an unused pooled connection stays open. */
const IDLE_CONNECTION_MS = 10 * 60_000;

/**
 * One set of options for Nest's TypeOrmModule and for the TypeORM CLI. No entities here: each domain module
 * registers its own (TypeOrmModule.forFeature, loaded by autoLoadEntities); the CLI only runs migrations.
 */
export function dataSourceOptions(databaseUrl: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: [`${__dirname}/../../migrations/*.{ts,js}`],
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: {
      max: poolSize,
      connectionTimeoutMillis: 5000,
      // A connection is kept through a quiet spell (pg closes one idle for 10 s): a new one costs a Postgres backend
      // its start, its catalog caches, and the plans of every prepared statement and database function, and a burst
      // after a lull opened them all at once (seen: a second's stall of every request in flight).
      idleTimeoutMillis: IDLE_CONNECTION_MS,
      // Kept connections never hold a process open on their own (a script that ends without closing its pool).
      allowExitOnIdle: true,
      // TCP keep-alive: a connection whose peer vanished (a half-open one) is noticed by the kernel, not kept forever;
      // probes from a minute of quiet on also keep a NAT or firewall in between from dropping an idle connection.
      keepAlive: true,
      keepAliveInitialDelayMillis: 60_000,
    },
  };
}

const env = loadEnvironment();
export default new DataSource(dataSourceOptions(env.DATABASE_URL, env.DATABASE_POOL_SIZE));
