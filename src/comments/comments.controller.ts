import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, PageQueryDto, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CommentsService } from './comments.service';
import { CommentResponse, CreateCommentDto, EditCommentDto, toCommentResponse } from './dto/comment.dto';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('claims/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({ summary: 'The claim’s comments, oldest first (internal: never in callbacks or ClaimReview)' })
  @ApiOkResponse({ type: PageOf(CommentResponse) })
  @ApiResponse({ status: 404, description: 'not_found' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<CommentResponse>> {
    const found = await this.comments.list(principal, id, page);
    return { items: found.items.map(toCommentResponse), nextCursor: found.nextCursor };
  }

  @Post()
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Comment on a claim; each person in `mentions` is notified' })
  @ApiCreatedResponse({ type: CommentResponse })
  @ApiResponse({ status: 400, description: 'validation_failed: a mention that is not an active person' })
  @ApiResponse({ status: 404, description: 'not_found' })
  async add(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return toCommentResponse(await this.comments.add(principal, id, dto.body, dto.mentions));
  }

  @Patch(':commentId')
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Edit your own comment; the earlier text is kept in its revisions' })
  @ApiOkResponse({ type: CommentResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  async edit(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('commentId', UuidParamPipe) commentId: string,
    @Body() dto: EditCommentDto,
  ): Promise<CommentResponse> {
    return toCommentResponse(await this.comments.edit(principal, id, commentId, dto.body));
  }
}
