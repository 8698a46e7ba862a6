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
    return toReviewerResponse(await this.reviewers.create(dto, principal));
  }

  @Get()
  @ApiOperation({ summary: 'Reviewers with their open claims (admin)' })
  async list() {
    return { items: (await this.reviewers.list()).map(toReviewerResponse), nextCursor: null };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a reviewer; deactivating returns its open claims to the pool (admin)' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateReviewerDto,
  ) {
    return toReviewerResponse(await this.reviewers.update(id, dto, principal));
  }
}
