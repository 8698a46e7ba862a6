import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { MetricsService } from './metrics.service';

/** Times every request by its route pattern (not its URL, which would explode the label set). */
@Injectable()
export class MetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: MetricsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const stop = this.metrics.requestDuration.startTimer({ method: request.method });
    response.once('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      stop({ route, status: String(response.statusCode) });
      if (response.statusCode >= 500) this.metrics.requestErrors.inc({ route });
    });
    return next.handle();
  }
}
