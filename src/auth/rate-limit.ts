import { ExecutionContext, HttpStatus, Injectable, Module } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { Principal } from './principal';
import type { Environment } from '../config/environment';
import { throttleKey } from '../queue/queue-keys';
import { RedisService } from '../queue/redis.service';
import { ApiError } from '../common/api-error';
import { TtlCache } from '../common/ttl-cache';

/** Probes and scrapes are not clients' traffic. */
const EXEMPT_PATHS = new Set(['/health', '/metrics']);
const WINDOW_MS = 60_000;

/** Fixed one-minute windows in Redis (a server or a cluster), so every api process counts against the same limit. */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(
    private readonly redis: RedisService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  private redisKey(throttlerName: string, key: string): string {
    return throttleKey(this.config.get('QUEUE_PREFIX', { infer: true }), throttlerName, key);
  }

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const redisKey = this.redisKey(throttlerName, key);
    try {
      const results = await this.redis.client
        .multi()
        .set(redisKey, 0, 'PX', ttl, 'NX')
        .incr(redisKey)
        .pttl(redisKey)
        .exec();
      const totalHits = Number(results?.[1]?.[1] ?? 0);
      const seconds = Math.max(1, Math.ceil(Number(results?.[2]?.[1] ?? ttl) / 1000));
      return {
        totalHits,
        timeToExpire: seconds,
        isBlocked: totalHits > limit,
        timeToBlockExpire: totalHits > limit ? seconds : 0,
      };
    } catch {
      // Redis away: serve unlimited rather than refuse everyone; Postgres still holds the work.
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /** The window's count so far, without counting this look: for limits on failures, checked before the work. */
  async current(key: string, throttlerName: string): Promise<{ totalHits: number; timeToExpire: number }> {
    const redisKey = this.redisKey(throttlerName, key);
    try {
      const results = await this.redis.client.multi().get(redisKey).pttl(redisKey).exec();
      return {
        totalHits: Number(results?.[0]?.[1] ?? 0),
        timeToExpire: Math.max(1, Math.ceil(Number(results?.[1]?.[1] ?? 0) / 1000)),
      };
    } catch {
      return { totalHits: 0, timeToExpire: 0 };
    }
  }
}

const AUTH_FAILURES = 'auth-failures';
/**
 * An address's failure count under the limit is read from Redis at most this often per process (requests meanwhile
 * share the read), and a failure this process counts updates it at once. Another process's failures reach it within
 * this time, so with N api processes a guesser gets at most N − 1 tries past the limit. A count at the limit is never
 * remembered: a refused address is read every time, and refused no longer the moment its window is cleared.
 */
const FAILURE_COUNT_TTL_MS = 1_000;

/**
 * Failed authentications (bad API keys, forged webhook signatures, the sign-in form) per client address, in the
 * same Redis windows as the request limit. Checked before a key is looked up, so guessing costs no database work.
 */
@Injectable()
export class FailedAuthLimiter {
  private readonly failureCounts: TtlCache<string, { totalHits: number; timeToExpire: number }>;

  constructor(
    private readonly storage: RedisThrottlerStorage,
    private readonly config: ConfigService<Environment, true>,
  ) {
    const limit = config.get('AUTH_FAILURE_LIMIT', { infer: true });
    this.failureCounts = new TtlCache(FAILURE_COUNT_TTL_MS, {
      maxEntries: 10_000,
      keeps: ({ totalHits }) => totalHits < limit,
    });
  }

  async refuseIfOverLimit(request: Request, response: Response): Promise<void> {
    const limit = this.config.get('AUTH_FAILURE_LIMIT', { infer: true });
    const tracker = `ip:${request.ip}`;
    const { totalHits, timeToExpire } = await this.failureCounts.get(tracker, () =>
      this.storage.current(tracker, AUTH_FAILURES),
    );
    if (totalHits < limit) return;
    response.setHeader('Retry-After', String(timeToExpire));
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `Over ${limit} failed authentications from this address; retry in ${timeToExpire} s`,
    );
  }

  async recordFailure(request: Request): Promise<void> {
    const windowMs = this.config.get('AUTH_FAILURE_WINDOW_SECONDS', { infer: true }) * 1000;
    const tracker = `ip:${request.ip}`;
    const { totalHits, timeToExpire } = await this.storage.increment(
      tracker,
      windowMs,
      this.config.get('AUTH_FAILURE_LIMIT', { infer: true }),
      0,
      AUTH_FAILURES,
    );
    this.failureCounts.set(tracker, { totalHits, timeToExpire });
  }

  /** Runs an authentication; its 401 counts as a failure. */
  async guard<T>(request: Request, response: Response, authenticate: () => Promise<T>): Promise<T> {
    await this.refuseIfOverLimit(request, response);
    try {
      return await authenticate();
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === HttpStatus.UNAUTHORIZED) await this.recordFailure(request);
      throw error;
    }
  }
}

/** For every module that authenticates someone. */
@Module({
  providers: [RedisThrottlerStorage, FailedAuthLimiter],
  exports: [RedisThrottlerStorage, FailedAuthLimiter],
})
export class FailedAuthModule {}

/**
 * Limits each API key (the principal set by the auth guard, which runs first); unauthenticated
 * requests (signed webhooks) are limited per client address.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(
    req: Record<string, unknown> & { principal?: Principal; ip?: string },
  ): Promise<string> {
    if (!req.principal) return `ip:${req.ip}`;
    return req.principal.keyId ? `key:${req.principal.keyId}` : `user:${req.principal.userId}`;
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return EXEMPT_PATHS.has(context.switchToHttp().getRequest<{ path: string }>().path);
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `Over ${detail.limit} requests a minute; retry in ${detail.timeToBlockExpire} s`,
    );
  }
}

/** Import after AuthModule: guards run in registration order, and the limit is per authenticated key. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [FailedAuthModule],
      inject: [ConfigService, RedisThrottlerStorage],
      useFactory: (config: ConfigService<Environment, true>, storage: RedisThrottlerStorage) => ({
        throttlers: [{ name: 'default', ttl: WINDOW_MS, limit: config.get('RATE_LIMIT_PER_MINUTE', { infer: true }) }],
        storage,
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
