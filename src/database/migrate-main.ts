import { loadEnvironment } from '../config/environment';
import { migrateDatabase } from './migrate';

/** `npm run migration:run` and the compose file's `migrate` service: the migrations, then the database's functions. */
async function main(): Promise<void> {
  const applied = await migrateDatabase(loadEnvironment().DATABASE_URL);
  console.log(applied.length ? `applied ${applied.join(', ')}` : 'no migration was pending');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
