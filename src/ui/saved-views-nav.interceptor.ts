import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { from, Observable, of, switchMap } from 'rxjs';
import { catchError } from 'rxjs/operators';
import type { Principal } from '../auth/principal';
import { SavedViewsRepository } from './saved-views.repository';
import { viewUrl } from './saved-views.service';
import { withSavedViews, type NavView } from './views/saved-views-nav';

/** A signed-in person's pages list their saved views in the navigation (one indexed read a page). */
@Injectable()
export class SavedViewsNavInterceptor implements NestInterceptor {
  private readonly logger = new Logger(SavedViewsNavInterceptor.name);

  constructor(private readonly views: SavedViewsRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method: string; path: string; principal?: Principal }>();
    const userId = request.principal?.csrfToken ? request.principal.userId : null;
    if (request.method !== 'GET' || !request.path.startsWith('/ui') || !userId) return next.handle();
    return from(this.views.listOf(userId)).pipe(
      catchError((error: Error) => {
        // The page matters more than its menu: it is shown without the views.
        this.logger.warn(`Saved views not read for the navigation: ${error.message}`);
        return of([]);
      }),
      switchMap(
        (views) =>
          new Observable((subscriber) => {
            const listed: NavView[] = views.map((v) => ({ id: v.id, name: v.name, url: viewUrl(v.filters) }));
            return withSavedViews(listed, () => next.handle().subscribe(subscriber));
          }),
      ),
    );
  }
}
