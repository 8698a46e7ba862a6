import type { ConfigService } from '@nestjs/config';
import type { DataSource, DataSourceOptions } from 'typeorm';
import type { Environment } from '../config/environment';
import { ReadDatabase, replicaOptions } from './read-database';

class SomeEntity {}

const primaryOptions = {
  type: 'postgres',
  url: 'postgres://postgres@primary:5432/claimdesk',
  entities: [SomeEntity],
  migrations: ['migrations/*.js'],
  synchronize: false,
  extra: { max: 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 600_000, keepAlive: true },
} as DataSourceOptions;

const configWith = (values: Partial<Environment>) =>
  ({ get: (key: keyof Environment) => values[key] }) as unknown as ConfigService<Environment, true>;

describe('ReadDatabase: where the listing and page queries read', () => {
  it('reads the primary when DATABASE_READ_URL is not set', async () => {
    const primary = { options: primaryOptions } as DataSource;
    const reads = await new ReadDatabase(primary, configWith({ DATABASE_POOL_SIZE: 10 }), console).connect();
    expect(reads.dataSource).toBe(primary);
    expect(reads.replicaState).toBeNull();
  });

  it('reads the primary while the replica does not answer, from the start, and says so once', async () => {
    const primary = { options: primaryOptions } as DataSource;
    const warnings: string[] = [];
    const logger = { log: () => undefined, warn: (message: string) => warnings.push(message) };
    // Nothing listens on loopback port 1: the connection is refused at once.
    const reads = await new ReadDatabase(
      primary,
      configWith({ DATABASE_POOL_SIZE: 2, DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:1/claimdesk' }),
      logger,
    ).connect();
    try {
      expect(reads.replicaState).toBe('down');
      expect(reads.dataSource).toBe(primary);
      await reads.check();
      expect(reads.dataSource).toBe(primary);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/listings read the primary/);
    } finally {
      await reads.onApplicationShutdown();
    }
  });

  it('aims the replica at DATABASE_READ_URL with the primary’s entities, a pool of its own kept alike, and no migrations', () => {
    const options = replicaOptions(
      primaryOptions,
      'postgres://postgres@replica:5439/claimdesk',
      4,
    ) as DataSourceOptions & { url: string; extra: Record<string, unknown> };
    expect(options.url).toBe('postgres://postgres@replica:5439/claimdesk');
    expect(options.entities).toEqual([SomeEntity]);
    expect(options.migrations).toEqual([]);
    expect(options.synchronize).toBe(false);
    expect(options.extra).toEqual({ ...primaryOptions.extra, max: 4 });
  });
});
