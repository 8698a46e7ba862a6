import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FailedAuthModule } from './rate-limit';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { PrincipalResolver } from './principal-resolver';

@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity]), FailedAuthModule],
  providers: [ApiKeysRepository, ApiKeysService, PrincipalResolver, { provide: APP_GUARD, useClass: ApiKeyGuard }],
  exports: [ApiKeysService, PrincipalResolver, FailedAuthModule],
})
export class AuthModule {}
