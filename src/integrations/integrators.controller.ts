import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateIntegratorDto } from './dto/create-integrator.dto';
import { IntegratorResponse, IntegratorSecretResponse, NewIntegratorResponse } from './integrations.response';
import { IntegratorsService } from './integrators.service';

@ApiBearerAuth()
@ApiTags('admin')
@Roles('admin')
@Controller('admin/integrators')
export class IntegratorsController {
  constructor(private readonly integrators: IntegratorsService) {}

  @Post()
  @ApiOperation({
    summary: 'Add an integrator (admin): answers its API key and webhook secret (whsec_…), shown this once',
  })
  @ApiCreatedResponse({ type: NewIntegratorResponse })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateIntegratorDto): Promise<NewIntegratorResponse> {
    return this.integrators.create(dto.name, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Integrators, without secrets (admin)' })
  @ApiOkResponse({ type: PageOf(IntegratorResponse) })
  async list(): Promise<Page<IntegratorResponse>> {
    return { items: await this.integrators.list(), nextCursor: null };
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a new webhook secret (admin); the previous ones keep working for the configured overlap',
  })
  @ApiOkResponse({ type: IntegratorSecretResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<IntegratorSecretResponse> {
    return this.integrators.rotateSecret(id, principal);
  }
}
