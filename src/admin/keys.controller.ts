import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeysService } from '../auth/api-keys.service';
import type { ApiKeyEntity } from '../auth/api-key.entity';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ReviewersService } from '../reviewers/reviewers.service';
import { CreateKeyDto } from './dto/create-key.dto';

function toKeyResponse(key: ApiKeyEntity) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: `cdk_${key.prefix}`,
    reviewerId: key.reviewerId,
    integratorId: key.integratorId,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/keys')
export class KeysController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly reviewers: ReviewersService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (admin); the key is shown in this answer only' })
  async create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateKeyDto) {
    if (dto.reviewerId) await this.reviewers.get(dto.reviewerId);
    const { entity, key } = await this.apiKeys.create(dto, principal);
    return { ...toKeyResponse(entity), key };
  }

  @Get()
  @ApiOperation({ summary: 'API keys, without their secrets (admin)' })
  async list() {
    return { items: (await this.apiKeys.list()).map(toKeyResponse), nextCursor: null };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key (admin)' })
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.apiKeys.revoke(id, principal);
  }
}
