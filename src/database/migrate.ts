import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source';

/** Applies pending migrations; `npm start` and the demo run this before serving. */
export async function runMigrations(env: Environment): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL, 2));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
