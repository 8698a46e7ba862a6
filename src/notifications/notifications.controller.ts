import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, PageQueryDto, type Page } from '../common/pagination';
import {
  MarkReadDto,
  MarkReadResponse,
  NotificationResponse,
  PreferencesResponse,
  toNotificationResponse,
  UpdatePreferencesDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin', 'editor', 'reviewer')
@ApiResponse({ status: 403, description: 'forbidden; no_person: the key has no person behind it' })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notices (the key’s owner’s), newest first' })
  @ApiOkResponse({ type: PageOf(NotificationResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() page: PageQueryDto,
  ): Promise<Page<NotificationResponse>> {
    const found = await this.notifications.list(principal, page);
    return { items: found.items.map(toNotificationResponse), nextCursor: found.nextCursor };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark your notices read' })
  @ApiOkResponse({ type: MarkReadResponse })
  markRead(@CurrentPrincipal() principal: Principal, @Body() dto: MarkReadDto): Promise<MarkReadResponse> {
    return this.notifications.markRead(principal, dto.ids);
  }

  @Get('preferences')
  @ApiOperation({ summary: 'How each kind of notice reaches you by mail, and your digest hour' })
  @ApiOkResponse({ type: PreferencesResponse })
  preferences(@CurrentPrincipal() principal: Principal): Promise<PreferencesResponse> {
    return this.notifications.preferences(principal);
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Choose per kind: immediately, digest or off; and the digest hour' })
  @ApiOkResponse({ type: PreferencesResponse })
  savePreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdatePreferencesDto,
  ): Promise<PreferencesResponse> {
    return this.notifications.savePreferences(principal, { kinds: dto.kinds, digestHour: dto.digestHour });
  }
}
