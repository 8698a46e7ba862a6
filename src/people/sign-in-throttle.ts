import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import type { RateLimiterRedis } from 'rate-limiter-flexible';
import { type Attempt, FailedAuthLimiter, giveBack, RedisCounters, take } from '../auth/rate-limit';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';

const SIGN_IN_FAILURES = 'sign-in-failures';

/**
 * Sign-in attempts (a password, a code) count per email, known or not, and per address (with every other failed
 * authentication), before anyone is looked up: the answer says nothing of who exists, and however many attempts
 * arrive at once, at most the limit are checked. An attempt that succeeds is given back.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures: RateLimiterRedis;

  constructor(
    counters: RedisCounters,
    private readonly perAddress: FailedAuthLimiter,
    config: ConfigService<Environment, true>,
  ) {
    this.failures = counters.limiter(
      SIGN_IN_FAILURES,
      config.get('SIGN_IN_FAILURE_LIMIT', { infer: true }),
      config.get('SIGN_IN_FAILURE_WINDOW_SECONDS', { infer: true }),
    );
  }

  async reserve(email: string, request: Request, response: Response): Promise<Attempt> {
    const accountKey = `account:${email.trim().toLowerCase()}`;
    const account = await take(this.failures, accountKey);
    if (!account.allowed) {
      response.setHeader('Retry-After', String(account.retryAfterSeconds));
      throw new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'rate_limited',
        `Too many failed sign-ins for this account; try again in ${Math.ceil(account.retryAfterSeconds / 60)} min`,
      );
    }
    let address: Attempt;
    try {
      address = await this.perAddress.reserve(request, response);
    } catch (refused) {
      await giveBack(this.failures, accountKey);
      throw refused;
    }
    return {
      giveBack: async () => {
        await Promise.all([address.giveBack(), giveBack(this.failures, accountKey)]);
      },
    };
  }
}
