import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import type { Environment } from './config/environment';
import { ensureAdminKeyFromEnvironment } from './auth/admin-key-bootstrap';
import { createHttpApp } from './http-app';

async function bootstrap(): Promise<void> {
  const app = await createHttpApp();
  const config = app.get<ConfigService<Environment, true>>(ConfigService);
  await ensureAdminKeyFromEnvironment(app);
  await app.listen(config.get('PORT', { infer: true }), '0.0.0.0');
}

void bootstrap().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
