import { CanActivate, ExecutionContext, HttpStatus, Injectable, type RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { FailedAuthLimiter } from '../auth/rate-limit';
import { isUuid } from '../common/uuid-param.pipe';
import { IntegratorsService } from './integrators.service';
import { verifyWebhook } from './webhook-signature';

function unauthorized(message: string): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', message);
}

/**
 * Inbound webhooks authenticate by signature, not by API key: `?integrator=<id>` names whose secrets to check.
 * A guard, so a forged request is refused before its body is even validated.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(
    private readonly integrators: IntegratorsService,
    private readonly failedAuth: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RawBodyRequest<Request> & { principal?: Principal }>();
    request.principal = await this.failedAuth.guard(request, context.switchToHttp().getResponse<Response>(), () =>
      this.verify(request),
    );
    return true;
  }

  private async verify(request: RawBodyRequest<Request>): Promise<Principal> {
    const integratorId = request.query.integrator;
    if (typeof integratorId !== 'string' || !isUuid(integratorId))
      throw unauthorized('Name the integrator: POST /webhooks/articles?integrator=<id>');
    const integrator = await this.integrators.activeSecrets(integratorId);
    if (!integrator) throw unauthorized('Unknown integrator');
    if (!request.rawBody) throw unauthorized('A signed application/json body is required');
    const result = verifyWebhook(integrator.secrets, request.rawBody, request.headers);
    if (!result.ok) throw unauthorized(`The webhook signature is not valid: ${result.reason}`);
    // The integrator acts as itself: its articles are the same ones its API key sees.
    const id = integratorId.toLowerCase();
    return { keyId: id, userId: null, name: integrator.name, role: 'integrator', reviewerId: null, integratorId: id };
  }
}
