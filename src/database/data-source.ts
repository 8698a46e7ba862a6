import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { loadEnvironment } from '../config/environment';

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
    // TCP keep-alive: a connection whose peer vanished (a half-open one) is noticed by the kernel, not kept forever.
    extra: { max: poolSize, connectionTimeoutMillis: 5000, keepAlive: true },
  };
}

const env = loadEnvironment();
export default new DataSource(dataSourceOptions(env.DATABASE_URL, env.DATABASE_POOL_SIZE));
