import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { ENTITIES } from './entities';

/** One set of options for Nest's TypeOrmModule and for the TypeORM CLI. */
export function dataSourceOptions(databaseUrl: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: [`${__dirname}/../../migrations/*.{ts,js}`],
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: poolSize, connectionTimeoutMillis: 5000 },
  };
}

const env = loadEnvironment();
export default new DataSource(dataSourceOptions(env.DATABASE_URL, env.DATABASE_POOL_SIZE));
