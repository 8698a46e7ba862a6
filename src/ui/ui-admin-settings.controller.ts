import { Body, Controller, Get, HttpStatus, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { UpdateSettingsDto } from '../settings/dto/update-settings.dto';
import { SettingsService } from '../settings/settings.service';
import { SettingsFormDto } from './dto/admin-forms.dto';
import { validatedAs } from './form-input';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { adminSettingsPage } from './views/admin-settings-page';

/** "key | label | value" lines → the API's steps; a line of another shape is refused by its number. */
function scaleFromLines(text: string): { key: string; label: string; ratingValue: number }[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const parts = line.split('|').map((part) => part.trim());
      if (parts.length !== 3 || !parts[2])
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'invalid_rating_scale',
          `Step ${index + 1} of the scale needs three parts, "key | label | value": "${line.slice(0, 80)}"`,
        );
      return { key: parts[0], label: parts[1], ratingValue: Number(parts[2]) };
    });
}

/** The form's strings in the API's shape; checkboxes are absent when unticked, so each one sets its field. */
function settingsInput(form: SettingsFormDto): Record<string, unknown> {
  return {
    ratings: form.ratings === undefined ? undefined : scaleFromLines(form.ratings),
    requireRating: form.requireRating !== undefined,
    requirePublicNote: form.requirePublicNote !== undefined,
    secondOpinion: {
      enabled: form.secondOpinion !== undefined,
      minCheckworthiness: form.minCheckworthiness ? Number(form.minCheckworthiness) : undefined,
      statuses: [form.statuses ?? []].flat(),
    },
  };
}

@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin/settings')
export class UiAdminSettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal, @Query('saved') saved?: string): Promise<string> {
    return adminSettingsPage(principal, await this.settings.get(), saved === '1');
  }

  @Post()
  async save(
    @CurrentPrincipal() principal: Principal,
    @Body() form: SettingsFormDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.settings.update(principal, await validatedAs(UpdateSettingsDto, settingsInput(form)));
    response.redirect(HttpStatus.SEE_OTHER, '/ui/admin/settings?saved=1');
  }
}
