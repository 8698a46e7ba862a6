import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UpdateSettingsDto } from './dto/update-settings.dto';
import { SettingsResponse, toSettingsResponse } from './settings.response';
import { SettingsService } from './settings.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'The desk’s settings: the rating scale, whether verdicts need a rating, the second opinion (admin)',
  })
  @ApiOkResponse({ type: SettingsResponse })
  async get(): Promise<SettingsResponse> {
    return toSettingsResponse(await this.settings.get());
  }

  @Patch()
  @ApiOperation({ summary: 'Change the desk’s settings; fields left out stay as they are (admin)' })
  @ApiOkResponse({ type: SettingsResponse })
  @ApiResponse({
    status: 400,
    description:
      'validation_failed, invalid_rating_scale, invalid_rating_key, duplicate_rating_key, invalid_rating_value',
  })
  async update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateSettingsDto): Promise<SettingsResponse> {
    return toSettingsResponse(await this.settings.update(principal, dto));
  }
}
