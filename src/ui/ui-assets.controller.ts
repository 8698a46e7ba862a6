import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { findAsset } from './page-assets';

/** The pages' stylesheet, scripts and icon, under fingerprinted names (page-assets.ts): cached for a year, never revalidated. */
@ApiExcludeController()
@Public()
@Controller('ui/assets')
export class UiAssetsController {
  @Get(':name')
  @Header('X-Content-Type-Options', 'nosniff')
  get(@Param('name') name: string, @Res() response: Response): void {
    const asset = findAsset(name);
    // Not found is not cached: during a rolling deploy an older process may be asked for a newer file.
    if (!asset) throw ApiError.notFound('Asset', name);
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.type(asset.type).send(asset.body);
  }
}
