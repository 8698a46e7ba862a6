import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import { ClaimResponse, toClaimResponse } from '../claims/claim.response';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AssignmentService } from './assignment.service';
import { AssignClaimDto } from './dto/assign-claim.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'editor')
@Controller('admin/claims')
export class AssignmentAdminController {
  constructor(private readonly assignments: AssignmentService) {}

  @Post(':id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign an unverified claim to a reviewer (admin, editor)' })
  @ApiOkResponse({ description: 'The claim, assigned', type: ClaimResponse })
  async assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AssignClaimDto,
  ): Promise<ClaimResponse> {
    return toClaimResponse((await this.assignments.assignByHand(id, dto.reviewerId, actorOf(principal))).claim);
  }

  @Post(':id/unassign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a claim to the pool (admin, editor)' })
  @ApiOkResponse({ description: 'The claim, unassigned', type: ClaimResponse })
  async unassign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.assignments.unassign(id, actorOf(principal)));
  }
}
