import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { commandClient, redisSettings, type RedisClient } from './redis-connection';

/** A plain connection (to the server, or the cluster) for health checks, markers and rate limits; it fails fast. */
@Injectable()
export class RedisService implements OnModuleDestroy {
  readonly client: RedisClient;

  constructor(config: ConfigService<Environment, true>) {
    this.client = commandClient(redisSettings(config));
    // Errors surface through the commands that fail; unhandled 'error' events would crash the process.
    this.client.on('error', () => undefined);
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
