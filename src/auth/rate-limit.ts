import { ExecutionContext, HttpStatus, Injectable, Module } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_GUARD } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { Principal } from './principal';
import type { Environment } from '../config/environment';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { throttleKeyPrefix } from '../queue/queue-keys';
import { RedisService } from '../queue/redis.service';
import { ApiError } from '../common/api-error';
import { clientKeyOf } from './client-address';

/** Probes and scrapes are not clients' traffic. */
const EXEMPT_PATHS = new Set(['/health', '/metrics']);
const WINDOW_MS = 60_000;

/** A count taken: whether it was within the limit, and when its window ends. */
export interface Count {
  allowed: boolean;
  consumed: number;
  retryAfterSeconds: number;
}

/**
 * Fixed windows in Redis (a server or a cluster) through rate-limiter-flexible: one atomic script per count, so every
 * api process counts against the same limit, and concurrent requests never read a count another is about to raise.
 * With Redis away each process counts in its own memory instead.
 */
@Injectable()
export class RedisCounters {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: RedisService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  limiter(name: string, limit: number, windowSeconds: number): RateLimiterRedis {
    const id = `${name}:${limit}:${windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis.client,
        keyPrefix: throttleKeyPrefix(this.config.get('QUEUE_PREFIX', { infer: true }), name),
        points: limit,
        duration: windowSeconds,
        insuranceLimiter: new RateLimiterMemory({ points: limit, duration: windowSeconds }),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}

/** Counts one more under `key`; past the limit the answer is not allowed (and the count still grows). */
export async function take(limiter: RateLimiterRedis, key: string): Promise<Count> {
  const countOf = (result: RateLimiterRes, allowed: boolean): Count => ({
    allowed,
    consumed: result.consumedPoints,
    retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  });
  try {
    return countOf(await limiter.consume(key), true);
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return countOf(refused, false);
    throw refused;
  }
}

/** Takes back one count (an attempt that turned out not to be a failure). */
export async function giveBack(limiter: RateLimiterRedis, key: string): Promise<void> {
  await limiter.reward(key, 1);
}

/** The request limit's windows, for @nestjs/throttler. */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly counters: RedisCounters) {}

  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const count = await take(this.counters.limiter(throttlerName, limit, Math.ceil(ttl / 1000)), key);
    return {
      totalHits: count.consumed,
      timeToExpire: count.retryAfterSeconds,
      isBlocked: !count.allowed,
      timeToBlockExpire: count.allowed ? 0 : count.retryAfterSeconds,
    };
  }
}

const AUTH_FAILURES = 'auth-failures';

/** An attempt counted before its secret is checked: given back when it was not a failure after all. */
export interface Attempt {
  giveBack(): Promise<void>;
}

/**
 * Failed authentications per client address (clientKeyOf: behind TRUSTED_PROXIES, the address the proxy names). Two
 * kinds of secret, two rules:
 * - one nobody can guess (API keys, sessions, webhook signatures, the metrics token): a valid one is always served,
 *   and a failure past the limit is answered 429 instead of 401, so one client's bad keys never lock out another's;
 * - one a person can guess (passwords, TOTP codes, invitation and reset links): the attempt is counted before the
 *   secret is checked, so however many arrive at once, at most the limit are checked, and past it even the right one
 *   is refused until the window ends.
 */
@Injectable()
export class FailedAuthLimiter {
  private readonly failures: RateLimiterRedis;

  constructor(
    counters: RedisCounters,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.failures = counters.limiter(
      AUTH_FAILURES,
      config.get('AUTH_FAILURE_LIMIT', { infer: true }),
      config.get('AUTH_FAILURE_WINDOW_SECONDS', { infer: true }),
    );
  }

  /** Runs the check of a secret nobody can guess; its 401 counts as a failure. */
  async guard<T>(request: Request, response: Response, authenticate: () => Promise<T>): Promise<T> {
    try {
      return await authenticate();
    } catch (error) {
      if (!(error instanceof ApiError) || error.getStatus() !== HttpStatus.UNAUTHORIZED) throw error;
      const count = await take(this.failures, clientKeyOf(request.ip));
      if (!count.allowed) throw this.refusal(response, count);
      throw error;
    }
  }

  /** Counts an attempt at a secret a person can guess before it is checked; 429 past the limit. */
  async reserve(request: Request, response: Response): Promise<Attempt> {
    const key = clientKeyOf(request.ip);
    const count = await take(this.failures, key);
    if (!count.allowed) throw this.refusal(response, count);
    return { giveBack: () => giveBack(this.failures, key) };
  }

  private refusal(response: Response, count: Count): ApiError {
    response.setHeader('Retry-After', String(count.retryAfterSeconds));
    return new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `Over ${this.config.get('AUTH_FAILURE_LIMIT', { infer: true })} failed authentications from this address; retry in ${count.retryAfterSeconds} s`,
    );
  }
}

/** For every module that authenticates someone. */
@Module({
  providers: [RedisCounters, RedisThrottlerStorage, FailedAuthLimiter],
  exports: [RedisCounters, RedisThrottlerStorage, FailedAuthLimiter],
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
    if (!req.principal) return clientKeyOf(req.ip);
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
