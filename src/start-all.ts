import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { ensureAdminKeyFromEnvironment } from './auth/admin-key-bootstrap';
import { assertServicesReachable } from './common/services-reachable';
import { loadEnvironment } from './config/environment';
import { migrateDatabase } from './database/migrate';
import { createHttpApp } from './http-app';
import { startWorker } from './worker';

export interface RunningService {
  api: INestApplication;
  worker: INestApplicationContext;
  /** Where this process listens, on loopback. */
  url: string;
  /** How people reach it (PUBLIC_URL). */
  publicUrl: string;
  close(): Promise<void>;
}

/** `npm start`: migrate, then run the worker and the api in one process. */
export async function startAll(): Promise<RunningService> {
  const env = loadEnvironment();
  await assertServicesReachable(env);
  await migrateDatabase(env.DATABASE_URL);
  const worker = await startWorker();
  const api = await createHttpApp();
  await ensureAdminKeyFromEnvironment(api);
  await api.listen(env.PORT, '0.0.0.0');
  return {
    api,
    worker,
    url: `http://127.0.0.1:${env.PORT}`,
    publicUrl: env.PUBLIC_URL,
    close: async () => {
      await api.close();
      await worker.close();
    },
  };
}

if (require.main === module) {
  void startAll().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
