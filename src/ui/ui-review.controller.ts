import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UiNextClaimQuery, UiReviewQuery, UiUndoQuery } from './dto/ui-articles.query';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { html } from './views/html';
import { reviewPage, type WorkbenchFlash } from './views/review-page';
import { STATUS_LABELS } from './views/status';
import { WorkbenchService } from './workbench.service';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { SecondOpinionFormDto } from './dto/admin-forms.dto';
import { secondOpinionsPage } from './views/second-opinions-page';

@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('reviewer')
@Controller('ui/review')
export class UiReviewController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal, @Query() query: UiReviewQuery): Promise<string> {
    const flash = await this.flashOf(principal, query);
    const bench = await this.workbench.load(principal, query.claim ?? null);
    return reviewPage(bench, principal, flash);
  }

  /** A plain form post (same-site cookie), so "next claim" works before the script loads. */
  @Post('next')
  async next(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UiNextClaimQuery,
    @Res() response: Response,
  ): Promise<void> {
    const claimId = await this.workbench.next(principal, query.leaving ?? null);
    response.redirect(HttpStatus.SEE_OTHER, claimId ? `/ui/review?claim=${claimId}` : '/ui/review?empty=1');
  }

  /** A plain form post too: the flash's Undo button (or the u key) takes back the verdict just given. */
  @Post('undo')
  async undo(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UiUndoQuery,
    @Res() response: Response,
  ): Promise<void> {
    await this.workbench.undo(principal, query.claim, query.version);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/review?claim=${query.claim}&undone=1`);
  }

  /** The second-opinion tab: verdicts of others waiting for this reviewer's approval. */
  @Get('second-opinions')
  @HtmlPage()
  async secondOpinions(@CurrentPrincipal() principal: Principal, @Query('done') done?: string): Promise<string> {
    const flash =
      done === 'approved'
        ? 'The verdict is approved and published.'
        : done === 'returned'
          ? 'The verdict went back to its reviewer.'
          : null;
    return secondOpinionsPage(await this.workbench.waitingForSecondOpinion(principal), principal, flash);
  }

  @Post('second-opinions/:id/approve')
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: SecondOpinionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.workbench.approve(principal, id, form);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/review/second-opinions?done=approved');
  }

  @Post('second-opinions/:id/return')
  async returnVerdict(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: SecondOpinionFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.workbench.returnVerdict(principal, id, form);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/review/second-opinions?done=returned');
  }

  /** What the last action did, read back from the claim itself rather than trusted from the URL. */
  private async flashOf(principal: Principal, query: UiReviewQuery): Promise<WorkbenchFlash | null> {
    if (query.empty)
      return {
        kind: 'info',
        message: html`Nothing to give right now: your list holds no other open claim, and no claim you may review is waiting (or you are at capacity).`,
      };
    if (query.noted && query.claim) return { kind: 'ok', message: html`Your note was added to the claim’s history.` };
    if (query.undone && query.claim) {
      const undone = await this.workbench.claim(principal, query.claim);
      return undone.assigneeId === principal.reviewerId
        ? { kind: 'ok', message: html`Your verdict is undone: the claim is unverified and yours again.` }
        : {
            kind: 'info',
            message: html`Your verdict is undone: the claim is unverified and went back to the pool, since your list is
            at capacity.`,
          };
    }
    const id = query.moved ?? query.released;
    if (!id) return null;
    const claim = await this.workbench.claim(principal, id);
    const link = html`<a href="/ui/articles/${claim.articleId}?claim=${claim.id}#claim-heading">See it in its article</a>`;
    if (query.released) return { kind: 'info', message: html`“${claim.text}” went back to the pool. ${link}.` };
    const undoUntil = await this.workbench.undoableUntil(principal, claim);
    return {
      kind: 'ok',
      message: html`“${claim.text}” is now <strong>${STATUS_LABELS[claim.status].label.toLowerCase()}</strong> (version ${claim.version}).${
        claim.approval === 'pending' ? ' It waits for a second opinion before it is published.' : ''
      } ${link}.`,
      undo: undoUntil ? { claimId: claim.id, version: claim.version, until: undoUntil } : undefined,
    };
  }
}
