import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import { FailedAuthLimiter } from '../auth/rate-limit';
import type { Environment } from '../config/environment';
import { tokenMatches } from './metrics-token';

/** With METRICS_TOKEN set, a scrape must send `Authorization: Bearer <METRICS_TOKEN>`; without it /metrics stays open. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(
    private readonly config: ConfigService<Environment, true>,
    private readonly failedAuth: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const expected = this.config.get('METRICS_TOKEN', { infer: true });
    if (!expected) return true;
    const request = context.switchToHttp().getRequest<Request>();
    return this.failedAuth.guard(request, context.switchToHttp().getResponse<Response>(), async () => {
      const header = request.headers.authorization ?? '';
      if (!header.startsWith('Bearer ') || !tokenMatches(header.slice('Bearer '.length).trim(), expected)) {
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'unauthorized',
          'Metrics need Authorization: Bearer <METRICS_TOKEN>',
        );
      }
      return true;
    });
  }
}
