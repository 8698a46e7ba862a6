import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Public } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { SetPasswordDto } from '../people/dto/user.dto';
import { PasswordSetupService } from '../people/password-setup.service';
import { UiExceptionFilter } from './ui-exception.filter';
import { linkGonePage, loginPage, passwordPage } from './views/sign-in-pages';

class PasswordLinkQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;
}

/** The page an invitation or reset link opens: the token in the link is the authority, once. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Public()
@Controller('ui/password')
export class UiPasswordController {
  constructor(private readonly setup: PasswordSetupService) {}

  private page(response: Response, status: number, body: string): void {
    response.status(status).type('html').setHeader('Cache-Control', 'no-store');
    response.send(body);
  }

  @Get()
  async show(@Query() query: PasswordLinkQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.setup.link(query.token ?? '', request, response);
    if (!link) return this.page(response, HttpStatus.GONE, linkGonePage());
    this.page(response, HttpStatus.OK, passwordPage(link.purpose, link.user, query.token!, null));
  }

  @Post()
  async set(@Body() dto: SetPasswordDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.setup.link(dto.token, request, response);
    if (!link) return this.page(response, HttpStatus.GONE, linkGonePage());
    try {
      const user = await this.setup.setPassword(link, dto.password, dto.confirmation);
      this.page(
        response,
        HttpStatus.OK,
        loginPage({ next: null, email: user.email, notice: 'Your password is set. Sign in with it now.', sso: false }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'link_expired') return this.page(response, HttpStatus.GONE, linkGonePage());
      this.page(response, error.getStatus(), passwordPage(link.purpose, link.user, dto.token, error.message));
    }
  }
}
