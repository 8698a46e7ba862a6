import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyEntity } from '../auth/api-key.entity';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateKeyDto } from './dto/create-key.dto';
import { KeysService } from './keys.service';

function toKeyResponse(key: ApiKeyEntity) {
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
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateKeyDto) {
    const { entity, key } = await this.keys.create(dto, principal);
    return { ...toKeyResponse(entity), key };
  }

  @Get()
  @ApiOperation({ summary: 'API keys, without their secrets (admin)' })
  async list() {
    return { items: (await this.keys.list()).map(toKeyResponse), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key (admin)' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.keys.revoke(id, principal);
  }
}
