import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateReviewerDto, UpdateReviewerDto } from './dto/reviewer.dto';
import { toReviewerResponse } from './reviewer.response';
import { ReviewersService } from './reviewers.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Post()
  @ApiOperation({ summary: 'Add a reviewer (admin)' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateReviewerDto) {
    return toReviewerResponse(await this.reviewers.create(dto, principal), 0);
  }

  @Get()
  @ApiOperation({ summary: 'Reviewers with their open claims (admin)' })
  async list() {
    const [reviewers, open] = await Promise.all([this.reviewers.list(), this.reviewers.openClaimCounts()]);
    return { items: reviewers.map((r) => toReviewerResponse(r, open.get(r.id) ?? 0)), nextCursor: null };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a reviewer; deactivating returns its open claims to the pool (admin)' })
  async update(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string, @Body() dto: UpdateReviewerDto) {
    const reviewer = await this.reviewers.update(id, dto, principal);
    const open = await this.reviewers.openClaimCounts();
    return toReviewerResponse(reviewer, open.get(id) ?? 0);
  }
}
