import { Controller, Get, Header, Param, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/principal';
import { UiExceptionFilter } from '../ui/ui-exception.filter';
import { PublicFactChecksService } from './public-fact-checks.service';

/** Short enough that a withdrawn verdict leaves caches within minutes; Express answers 304 to a matching ETag. */
const CACHE = 'public, max-age=300';

/** Public fact-check pages: no sign-in, cached, and answered as HTML, Atom or XML. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Public()
@Controller()
export class PublicFactChecksController {
  constructor(private readonly pages: PublicFactChecksService) {}

  @Get('fact-checks')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', CACHE)
  index(@Query('cursor') cursor?: string): Promise<string> {
    return this.pages.index(typeof cursor === 'string' ? cursor : undefined);
  }

  @Get('fact-checks/feed.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @Header('Cache-Control', CACHE)
  feed(): Promise<string> {
    return this.pages.feed();
  }

  @Get('fact-checks/:slug')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', CACHE)
  page(@Param('slug') slug: string): Promise<string> {
    return this.pages.page(slug);
  }

  @Get('sitemap.xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  @Header('Cache-Control', CACHE)
  sitemap(): Promise<string> {
    return this.pages.sitemap();
  }
}
