import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ClaimsBulkService } from './claims-bulk.service';
import { BulkClaimsDto, BulkResultsResponse } from './dto/bulk-claims.dto';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims/bulk')
export class ClaimsBulkController {
  constructor(private readonly bulk: ClaimsBulkService) {}

  @Post()
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({
    summary:
      'One action on up to 500 claims (admin, editor): each under the single action’s rules, a result per claim; one audit entry',
  })
  @ApiOkResponse({ type: BulkResultsResponse })
  @ApiResponse({ status: 400, description: 'validation_failed: ids (1–500 unique uuids), action, or what it needs' })
  async apply(@CurrentPrincipal() principal: Principal, @Body() dto: BulkClaimsDto): Promise<BulkResultsResponse> {
    return { results: await this.bulk.apply(principal, dto) };
  }
}
