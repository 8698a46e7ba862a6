import { Body, Controller, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ArticlesService } from '../articles/articles.service';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import { CorrectClaimantDto } from '../claims/dto/correct-claimant.dto';
import { TransitionClaimDto } from '../claims/dto/transition-claim.dto';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ManualClaimService } from '../extraction/manual-claim.service';
import { AssignmentService } from '../review/assignment.service';
import { SecondOpinionFormDto } from './dto/admin-forms.dto';
import { CsrfOnlyDto } from './dto/login.dto';
import {
  AddClaimForm,
  ArticleForm,
  AssignClaimForm,
  BulkClaimsForm,
  ClaimantForm,
  DueDateForm,
  MoveClaimForm,
} from './dto/editor-forms.dto';
import { ClaimsBulkService } from '../review/claims-bulk.service';
import { BulkClaimsDto } from '../review/dto/bulk-claims.dto';
import { listField } from './form-input';
import type { ArticleNotice } from './dto/ui-articles.query';
import { validatedAs } from './form-input';
import { UiExceptionFilter } from './ui-exception.filter';
import { WorkbenchService } from './workbench.service';
import { articleHref } from './views/article-page';
import { instantFromLocalInput } from './views/format';
import { ApiError } from '../common/api-error';

/**
 * The editor's forms on the article pages: plain posts (POST-redirect-GET) into the same domain services as the JSON
 * API. Errors come back as readable pages (the filter); on success the article page says what happened.
 */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor')
@Controller('ui')
export class UiEditorActionsController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly manualClaims: ManualClaimService,
    private readonly transitions: ClaimTransitionService,
    private readonly assignments: AssignmentService,
    private readonly bulk: ClaimsBulkService,
    private readonly workbench: WorkbenchService,
  ) {}

  /** The action bar of the article page and the search results: the API's bulk action, then back to the page. */
  @Post('claims/bulk')
  async bulkAction(
    @CurrentPrincipal() principal: Principal,
    @Body() form: BulkClaimsForm,
    @Res() response: Response,
  ): Promise<void> {
    const dto = await validatedAs(BulkClaimsDto, {
      ids: form.ids,
      action: form.action,
      reviewerId: ['assign'].includes(form.action) ? form.reviewerId : undefined,
      note: ['dismiss', 'reopen'].includes(form.action) ? form.note : undefined,
      tags: ['tag', 'untag'].includes(form.action) ? listField(form.tags) : undefined,
    });
    const results = await this.bulk.apply(principal, dto);
    const back = new URL(ownPage(form.back), 'http://desk.invalid');
    if (back.pathname.startsWith('/ui/articles/')) back.searchParams.set('notice', 'bulk');
    back.searchParams.set('done', String(results.filter((r) => r.ok).length));
    back.searchParams.set('of', String(results.length));
    seeOther(response, `${back.pathname}${back.search}`);
  }

  @Post('articles')
  async post(
    @CurrentPrincipal() principal: Principal,
    @Body() form: ArticleForm,
    @Res() response: Response,
  ): Promise<void> {
    const { article, created } = await this.articles.accept(principal, form);
    seeOther(response, articleHref(article.id, { notice: created ? 'posted' : 'unchanged' }));
  }

  @Post('articles/:id/revisions')
  async revise(
    @Param('id', UuidParamPipe) id: string,
    @Body() form: ArticleForm,
    @Res() response: Response,
  ): Promise<void> {
    const { created } = await this.articles.revise(id, form);
    seeOther(response, articleHref(id, { notice: created ? 'revised' : 'unchanged' }));
  }

  @Post('articles/:id/due')
  async setDueDate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: DueDateForm,
    @Res() response: Response,
  ): Promise<void> {
    const dueAt = form.clear ? null : instantFromLocalInput(form.dueAt ?? '');
    if (dueAt === null && !form.clear)
      throw ApiError.validation({ dueAt: ['choose a date and time, or Clear due date'] });
    await this.articles.setDueAt(id, dueAt, principal);
    seeOther(response, articleHref(id, { notice: 'due' }));
  }

  @Post('articles/:id/claims')
  async addClaim(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: AddClaimForm,
    @Res() response: Response,
  ): Promise<void> {
    const selection =
      form.start !== undefined && form.end !== undefined ? { start: form.start, end: form.end } : undefined;
    backToClaim(response, await this.manualClaims.addPassage(principal, id, form.passage, selection), 'added');
  }

  /** Any move the state machine allows an editor (a verdict, Dismiss, Reopen), with the version the page showed. */
  @Post('claims/:id/transitions')
  async move(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: MoveClaimForm,
    @Res() response: Response,
  ): Promise<void> {
    const { url, title, quote, _csrf: _, ...move } = form;
    const dto = await validatedAs(TransitionClaimDto, {
      ...move,
      sources: url ? [{ url, title, quote }] : undefined,
    });
    backToClaim(response, await this.transitions.move(id, principal, dto), 'moved');
  }

  /** An editor's second opinion from the claim's panel: the workbench's approve and return, back to the claim. */
  @Post('claims/:id/approve')
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: SecondOpinionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    backToClaim(response, await this.workbench.approve(principal, id, form), 'approved');
  }

  @Post('claims/:id/return')
  async returnVerdict(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: SecondOpinionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    backToClaim(response, await this.workbench.returnVerdict(principal, id, form), 'returned');
  }

  @Post('claims/:id/assign')
  async assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: AssignClaimForm,
    @Res() response: Response,
  ): Promise<void> {
    backToClaim(
      response,
      (await this.assignments.assignByHand(id, form.reviewerId, actorOf(principal))).claim,
      'assigned',
    );
  }

  @Post('claims/:id/claimant')
  async correctClaimant(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: ClaimantForm,
    @Res() response: Response,
  ): Promise<void> {
    const dto = await validatedAs(CorrectClaimantDto, {
      claimant: form.claimant.trim() || null,
      kind: form.kind || null,
    });
    backToClaim(response, await this.transitions.correctClaimant(id, principal, dto), 'claimant');
  }

  @Post('claims/:id/unassign')
  async unassign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() _form: CsrfOnlyDto,
    @Res() response: Response,
  ): Promise<void> {
    backToClaim(response, await this.assignments.unassign(id, actorOf(principal)), 'unassigned');
  }
}

/** Only one of the desk's own pages is a place to go back to. */
function ownPage(back: string | undefined): string {
  return back && /^\/ui\/[^/\\]/.test(back) ? back : '/ui/articles';
}

function seeOther(response: Response, href: string): void {
  response.redirect(HttpStatus.SEE_OTHER, href);
}

/** Back to the claim's passage in its article, its details open: the reader keeps their place. */
function backToClaim(response: Response, claim: ClaimEntity, notice: ArticleNotice): void {
  seeOther(response, articleHref(claim.articleId, { claimId: claim.id, notice }));
}
