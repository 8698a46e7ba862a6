import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Observable } from 'rxjs';
import type { Principal } from '../auth/principal';
import type { Environment } from '../config/environment';
import { inTimeZone } from './views/format';

/** Renders each request's pages in its reader's time zone (their own, else DESK_TIME_ZONE): see views/format.ts. */
@Injectable()
export class TimeZoneInterceptor implements NestInterceptor {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    const timeZone = principal?.timeZone ?? this.config.get('DESK_TIME_ZONE', { infer: true });
    return new Observable((subscriber) => inTimeZone(timeZone, () => next.handle().subscribe(subscriber)));
  }
}
