import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { PeopleService } from './people.service';
import { InvitedUserResponse, PasswordResetResponse, toUserResponse, UserResponse } from './user.response';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/users')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @Post()
  @ApiOperation({
    summary: 'Invite a person (admin); the invitation link is shown in this answer only and works once, for 72 h',
  })
  @ApiCreatedResponse({ type: InvitedUserResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateUserDto): Promise<InvitedUserResponse> {
    const { user, inviteUrl } = await this.people.invite(dto, principal);
    return { ...toUserResponse(user), inviteUrl };
  }

  @Get()
  @ApiOperation({ summary: 'People who sign in to the pages (admin)' })
  @ApiOkResponse({ type: PageOf(UserResponse) })
  async list(): Promise<Page<UserResponse>> {
    return { items: (await this.people.list()).map(toUserResponse), nextCursor: null };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename, change the role of, or (de)activate a person (admin); deactivation ends their sessions',
  })
  @ApiOkResponse({ type: UserResponse })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return toUserResponse(await this.people.update(id, dto, principal));
  }

  @Post(':id/reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'A one-time link to set a new password (admin), shown in this answer only' })
  @ApiOkResponse({ type: PasswordResetResponse })
  async reset(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<PasswordResetResponse> {
    return { resetUrl: await this.people.reset(id, principal) };
  }

  @Post(':id/two-factor/reset')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Turn off a person’s TOTP second factor (admin), e.g. after a lost phone; ends their sessions, and they enrol again',
  })
  @ApiOkResponse({ type: UserResponse })
  async resetTwoFactor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<UserResponse> {
    return toUserResponse(await this.people.resetTwoFactor(id, principal));
  }
}
