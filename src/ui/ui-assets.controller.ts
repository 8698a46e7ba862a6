import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { LIVE_JS } from './assets/live-js';
import { REVIEW_JS } from './assets/review-js';
import { UI_CSS } from './assets/ui-css';

/** Assets are TS constants, so `tsc` alone ships them and they are found from src/ and dist/ alike. */
const ASSETS: Record<string, { type: string; body: string }> = {
  'ui.css': { type: 'text/css; charset=utf-8', body: UI_CSS },
  'review.js': { type: 'text/javascript; charset=utf-8', body: REVIEW_JS },
  'live.js': { type: 'text/javascript; charset=utf-8', body: LIVE_JS },
  'favicon.svg': {
    type: 'image/svg+xml',
    body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1f2d45"/><rect x="3" y="7" width="10" height="3" fill="#2f7d4f"/></svg>',
  },
};

@ApiExcludeController()
@Public()
@Controller('ui/assets')
export class UiAssetsController {
  @Get(':name')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('X-Content-Type-Options', 'nosniff')
  get(@Param('name') name: string, @Res() response: Response): void {
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw ApiError.notFound('Asset', name);
    response.type(asset.type).send(asset.body);
  }
}
