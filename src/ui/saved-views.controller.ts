import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateSavedViewDto, SavedViewResponse, SavedViewsResponse } from './dto/saved-view.dto';
import type { SavedViewEntity } from './saved-view.entity';
import { SavedViewsService, viewUrl } from './saved-views.service';

function toSavedViewResponse(view: SavedViewEntity): SavedViewResponse {
  return { id: view.id, name: view.name, filters: view.filters, url: viewUrl(view.filters), createdAt: view.createdAt };
}

@ApiTags('views')
@ApiBearerAuth()
@Roles('admin', 'editor', 'reviewer')
@ApiResponse({ status: 403, description: 'no_person: the key has no owner' })
@Controller('views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOperation({ summary: 'Your saved views of the search page (the key’s owner’s)' })
  @ApiOkResponse({ type: SavedViewsResponse })
  async list(@CurrentPrincipal() principal: Principal): Promise<SavedViewsResponse> {
    return { items: (await this.views.list(principal)).map(toSavedViewResponse), nextCursor: null };
  }

  @Post()
  @ApiOperation({ summary: 'Save the search page’s filters under a name' })
  @ApiCreatedResponse({ type: SavedViewResponse })
  @ApiResponse({ status: 400, description: 'validation_failed (filters.<field> by the search page’s rules)' })
  @ApiResponse({ status: 409, description: 'conflict: a view of that name, or 50 views already' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateSavedViewDto): Promise<SavedViewResponse> {
    return toSavedViewResponse(await this.views.create(principal, dto.name, dto.filters));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your views' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiResponse({ status: 404, description: 'not_found: no view of yours with that id' })
  async delete(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.views.delete(principal, id);
  }
}
