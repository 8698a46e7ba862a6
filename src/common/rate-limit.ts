import { ExecutionContext, HttpStatus, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { Principal } from '../auth/principal';
import type { Environment } from '../config/environment';
import { RedisService } from '../queue/redis.service';
import { ApiError } from './api-error';

/** Probes and scrapes are not clients' traffic. */
const EXEMPT_PATHS = new Set(['/health', '/metrics']);
const WINDOW_MS = 60_000;

/** Fixed one-minute windows in Redis, so every api process counts against the same limit. */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: RedisService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const redisKey = `${this.config.get('QUEUE_PREFIX', { infer: true })}:throttle:${throttlerName}:${key}`;
    try {
      const results = await this.redis.client.multi().set(redisKey, 0, 'PX', ttl, 'NX').incr(redisKey).pttl(redisKey).exec();
      const totalHits = Number(results?.[1]?.[1] ?? 0);
      const seconds = Math.max(1, Math.ceil(Number(results?.[2]?.[1] ?? ttl) / 1000));
      return { totalHits, timeToExpire: seconds, isBlocked: totalHits > limit, timeToBlockExpire: totalHits > limit ? seconds : 0 };
    } catch {
      // Redis away: serve unlimited rather than refuse everyone; Postgres still holds the work.
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

/**
 * Limits each API key (the principal set by the auth guard, which runs first); unauthenticated
 * requests (signed webhooks) are limited per client address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown> & { principal?: Principal; ip?: string }): Promise<string> {
    return req.principal ? `key:${req.principal.keyId}` : `ip:${req.ip}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return EXEMPT_PATHS.has(context.switchToHttp().getRequest<{ path: string }>().path);
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', `Over ${detail.limit} requests a minute; retry in ${detail.timeToBlockExpire} s`);
  }
}

/** Import after AuthModule: guards run in registration order, and the limit is per authenticated key. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, RedisService],
      useFactory: (config: ConfigService<Environment, true>, redis: RedisService) => ({
        throttlers: [{ name: 'default', ttl: WINDOW_MS, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
