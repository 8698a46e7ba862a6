import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateReviewerDto, UpdateReviewerDto } from './dto/reviewer.dto';
import { ReviewerResponse, toReviewerResponse } from './reviewer.response';
import { ReviewersService } from './reviewers.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Post()
  @ApiOperation({ summary: 'Add a reviewer (admin)' })
  @ApiCreatedResponse({ type: ReviewerResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateReviewerDto): Promise<ReviewerResponse> {
    return toReviewerResponse(await this.reviewers.create(dto, principal));
  }

  @Get()
  @ApiOperation({ summary: 'Reviewers with their open claims (admin)' })
  @ApiOkResponse({ type: PageOf(ReviewerResponse) })
  async list(): Promise<Page<ReviewerResponse>> {
    return { items: (await this.reviewers.list()).map(toReviewerResponse), nextCursor: null };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a reviewer; deactivating returns its open claims to the pool (admin)' })
  @ApiOkResponse({ type: ReviewerResponse })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateReviewerDto,
  ): Promise<ReviewerResponse> {
    return toReviewerResponse(await this.reviewers.update(id, dto, principal));
  }
}
