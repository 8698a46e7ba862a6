import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { FailedAuthLimiter, RedisThrottlerStorage } from '../auth/rate-limit';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';

const SIGN_IN_FAILURES = 'sign-in-failures';

/**
 * Failed sign-ins (wrong password, wrong code) count per email, known or not, and per address (with every other
 * failed authentication). Both are checked before anyone is looked up, so the answer says nothing of who exists.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly storage: RedisThrottlerStorage,
    private readonly perAddress: FailedAuthLimiter,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  private accountKey(email: string): string {
    return `account:${email.trim().toLowerCase()}`;
  }

  async refuseIfOverLimit(email: string, request: Request, response: Response): Promise<void> {
    await this.perAddress.refuseIfOverLimit(request, response);
    const limit = this.config.get('SIGN_IN_FAILURE_LIMIT', { infer: true });
    const { totalHits, timeToExpire } = await this.storage.current(this.accountKey(email), SIGN_IN_FAILURES);
    if (totalHits < limit) return;
    response.setHeader('Retry-After', String(timeToExpire));
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `Too many failed sign-ins for this account; try again in ${Math.ceil(timeToExpire / 60)} min`,
    );
  }

  async recordFailure(email: string, request: Request): Promise<void> {
    const windowMs = this.config.get('SIGN_IN_FAILURE_WINDOW_SECONDS', { infer: true }) * 1000;
    await Promise.all([
      this.perAddress.recordFailure(request),
      this.storage.increment(
        this.accountKey(email),
        windowMs,
        this.config.get('SIGN_IN_FAILURE_LIMIT', { infer: true }),
        0,
        SIGN_IN_FAILURES,
      ),
    ]);
  }
}
