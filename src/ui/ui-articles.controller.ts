import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ArticleListService } from './article-list.service';
import { ArticlePageService } from './article-page.service';
import { UiArticlesQuery, UiArticleQuery } from './dto/ui-articles.query';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { articleFormPage } from './views/article-form-page';
import { articlePage } from './views/article-page';
import { articlesPage } from './views/articles-page';

@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor', 'reviewer', 'integrator')
@Controller('ui/articles')
export class UiArticlesController {
  constructor(
    private readonly list: ArticleListService,
    private readonly page: ArticlePageService,
  ) {}

  @Get()
  @HtmlPage()
  async articles(@CurrentPrincipal() principal: Principal, @Query() query: UiArticlesQuery): Promise<string> {
    return articlesPage(await this.list.load(principal, query), query, principal);
  }

  /** Declared before `:id`, which would take "new" for an id. */
  @Get('new')
  @Roles('admin', 'editor')
  @HtmlPage()
  newArticle(@CurrentPrincipal() principal: Principal): string {
    return articleFormPage(principal, null);
  }

  @Get(':id')
  @HtmlPage()
  async article(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() query: UiArticleQuery,
  ): Promise<string> {
    return articlePage(
      await this.page.load(principal, id, query.claim ?? null, query.claims ?? null),
      principal,
      query.notice ?? null,
      { done: query.done, of: query.of },
    );
  }

  @Get(':id/revise')
  @Roles('admin', 'editor')
  @HtmlPage()
  async revision(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<string> {
    return articleFormPage(principal, await this.page.article(principal, id));
  }
}
