import type { INestApplicationContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { ApiKeysService } from './api-keys.service';

/** ADMIN_API_KEY, when set, is stored as an admin key at start (for automation). */
export async function ensureAdminKeyFromEnvironment(app: INestApplicationContext): Promise<void> {
  const key = app.get<ConfigService<Environment, true>>(ConfigService).get('ADMIN_API_KEY', { infer: true });
  if (key) await app.get(ApiKeysService).ensureKnownKey(key, 'ADMIN_API_KEY', 'admin');
}
