import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ClaimTagsService } from './claim-tags.service';
import { TagCountsQuery, TagCountsResponse } from './dto/tags.dto';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('tags')
export class TagsController {
  constructor(private readonly tags: ClaimTagsService) {}

  @Get()
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({ summary: 'Tags in use, with how many claims carry each (integrators: on their own articles)' })
  @ApiOkResponse({ type: TagCountsResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: TagCountsQuery): Promise<TagCountsResponse> {
    return { items: await this.tags.counts(principal, query.prefix, query.limit ?? 100), nextCursor: null };
  }
}
