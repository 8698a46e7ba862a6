import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { applyDatabaseFunctions } from './functions';

/**
 * Applies pending migrations, then the database's functions and triggers from their one source (./functions), in one
 * transaction: the schema's history lives in migrations/, the code that runs inside Postgres in its own files.
 * `npm run migration:run`, `npm start`, the compose file's `migrate` service and the tests all come here.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.transaction(applyDatabaseFunctions);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
