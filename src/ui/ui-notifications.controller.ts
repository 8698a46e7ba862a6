import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { CommentsService } from '../comments/comments.service';
import { ApiError } from '../common/api-error';
import { PageQueryDto } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import type { Environment } from '../config/environment';
import { NotificationsService } from '../notifications/notifications.service';
import { CommentForm, MarkReadForm, MentionableQuery, PreferencesForm } from './dto/team-forms.dto';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { notificationsPage } from './views/team-views';

/** The team's pages: a person's notifications and mail choices, the bell's count, comments and @ completion. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor', 'reviewer')
@Controller('ui')
export class UiNotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly comments: CommentsService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  @Get('notifications')
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal, @Query() query: PageQueryDto): Promise<string> {
    const [page, preferences] = await Promise.all([
      this.notifications.list(principal, { cursor: query.cursor, limit: query.limit ?? 50 }),
      this.notifications.preferences(principal),
    ]);
    return notificationsPage(principal, page, preferences, !!this.config.get('SMTP_URL', { infer: true }));
  }

  /** The bell's count (bell.js asks on every page, and again while the page is open). */
  @Get('notifications/unread')
  async unread(@CurrentPrincipal() principal: Principal): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(principal) };
  }

  @Post('notifications/read')
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Body() form: MarkReadForm,
    @Res() response: Response,
  ): Promise<void> {
    await this.notifications.markRead(principal, form.ids);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/notifications');
  }

  @Post('notifications/preferences')
  async savePreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() form: PreferencesForm,
    @Res() response: Response,
  ): Promise<void> {
    const { _csrf, digestHour, ...kinds } = form;
    void _csrf;
    await this.notifications.savePreferences(principal, { kinds, digestHour });
    response.redirect(HttpStatus.SEE_OTHER, '/ui/notifications');
  }

  /**
   * Active people whose name holds `q`, or whose address is `q`, for the comment form's @ completion: for people
   * signed in on the pages, not keys (a key that could ask letter by letter would read everyone's address).
   */
  @Get('people/mentionable')
  async mentionable(
    @CurrentPrincipal() principal: Principal,
    @Query() query: MentionableQuery,
  ): Promise<{ id: string; name: string; role: string }[]> {
    if (!principal.userId || principal.keyId)
      throw ApiError.forbidden('Completing names is for people signed in on the pages, not API keys');
    return this.comments.mentionable(query.q ?? '');
  }

  @Post('claims/:id/comments')
  async comment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: CommentForm,
    @Res() response: Response,
  ): Promise<void> {
    const added = await this.comments.add(principal, id, form.body, form.mentions);
    const back = form.returnTo ?? `/ui/articles/${added.articleId}?claim=${id}`;
    response.redirect(HttpStatus.SEE_OTHER, `${back}#comment-${added.id}`);
  }
}
