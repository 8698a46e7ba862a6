import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ApiKeyEntity } from '../auth/api-key.entity';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { KeyResponse, NewKeyResponse } from './admin.response';
import { CreateKeyDto } from './dto/create-key.dto';
import { KeysService } from './keys.service';

function toKeyResponse(key: ApiKeyEntity): KeyResponse {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: `cdk_${key.prefix}`,
    reviewerId: key.reviewerId,
    integratorId: key.integratorId,
    ownerUserId: key.ownerUserId,
    createdAt: key.createdAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/keys')
export class KeysController {
  constructor(private readonly keys: KeysService) {}

  @Post()
  @ApiOperation({
    summary:
      'Create an API key (admin); the key is shown in this answer only. A key with ownerUserId acts, in history, as that person',
  })
  @ApiCreatedResponse({ type: NewKeyResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateKeyDto): Promise<NewKeyResponse> {
    const { entity, key } = await this.keys.create(dto, principal);
    return { ...toKeyResponse(entity), key };
  }

  @Get()
  @ApiOperation({ summary: 'API keys, without their secrets (admin)' })
  @ApiOkResponse({ type: PageOf(KeyResponse) })
  async list(): Promise<Page<KeyResponse>> {
    return { items: (await this.keys.list()).map(toKeyResponse), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key (admin)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.keys.revoke(id, principal);
  }
}
