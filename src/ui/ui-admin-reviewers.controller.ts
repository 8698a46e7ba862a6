import { Body, Controller, Get, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateReviewerDto, UpdateReviewerDto } from '../reviewers/dto/reviewer.dto';
import { AssignmentService } from '../review/assignment.service';
import { ReviewersService } from '../reviewers/reviewers.service';
import { ReviewerFormDto } from './dto/admin-forms.dto';
import { listField, validatedAs } from './form-input';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { adminReviewerEditPage, adminReviewersPage } from './views/admin-reviewers-page';

/** The form's strings in the API's shape: comma lists, a number, a checkbox that is absent when unticked. */
function reviewerInput(form: ReviewerFormDto): Record<string, unknown> {
  return {
    name: form.name,
    email: form.email,
    languages: listField(form.languages),
    topics: listField(form.topics),
    capacity: form.capacity ? Number(form.capacity) : undefined,
    active: form.active !== undefined,
  };
}

@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin/reviewers')
export class UiAdminReviewersController {
  constructor(
    private readonly reviewers: ReviewersService,
    private readonly assignments: AssignmentService,
  ) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal): Promise<string> {
    const [reviewers, whyNoWork] = await Promise.all([this.reviewers.list(), this.assignments.whyNoWork()]);
    return adminReviewersPage(principal, reviewers, whyNoWork);
  }

  @Post()
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() form: ReviewerFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const reviewer = await this.reviewers.create(await validatedAs(CreateReviewerDto, reviewerInput(form)), principal);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/reviewers#reviewer-${reviewer.id}`);
  }

  @Get(':id')
  @HtmlPage()
  async edit(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<string> {
    return adminReviewerEditPage(principal, await this.reviewers.get(id));
  }

  @Post(':id')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: ReviewerFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.reviewers.update(id, await validatedAs(UpdateReviewerDto, reviewerInput(form)), principal);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/reviewers#reviewer-${id}`);
  }
}
