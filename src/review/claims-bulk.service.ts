import { HttpException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import { ClaimTagsService } from '../claims/claim-tags.service';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import { ApiError } from '../common/api-error';
import { AssignmentService } from './assignment.service';
import type { BulkAction, BulkClaimsDto } from './dto/bulk-claims.dto';

export interface BulkResult {
  id: string;
  ok: boolean;
  code?: string;
}

/** What each action needs besides the ids; without it the whole request is refused before any claim is touched. */
const NEEDS: Partial<Record<BulkAction, keyof BulkClaimsDto>> = {
  assign: 'reviewerId',
  dismiss: 'note',
  reopen: 'note',
  tag: 'tags',
  untag: 'tags',
};

/**
 * One action on many claims (at most BULK_MAX_CLAIMS): each claim goes through the single action's own service —
 * its authorization, state machine, capacity and version checks — one after another, so a request holds one claim's
 * work at a time; a refusal is that claim's result, never the request's. One audit entry names the whole action.
 */
@Injectable()
export class ClaimsBulkService {
  private readonly logger = new Logger(ClaimsBulkService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly transitions: ClaimTransitionService,
    private readonly tags: ClaimTagsService,
  ) {}

  async apply(principal: Principal, dto: BulkClaimsDto): Promise<BulkResult[]> {
    const needed = NEEDS[dto.action];
    if (needed && dto[needed] === undefined) throw ApiError.validation({ [needed]: [`${dto.action} needs ${needed}`] });
    const results: BulkResult[] = [];
    for (const id of dto.ids) results.push(await this.applyOne(principal, dto, id));
    const done = results.filter((result) => result.ok).map((result) => result.id);
    await recordAuditEvent(this.dataSource.manager, {
      action: 'claims.bulk',
      actor: principal,
      targetType: 'claims',
      targetId: randomUUID(),
      details: {
        action: dto.action,
        count: dto.ids.length,
        ids: dto.ids,
        succeeded: done.length,
        failed: results.filter((result) => !result.ok).map(({ id, code }) => ({ id, code })),
        ...(dto.reviewerId ? { reviewerId: dto.reviewerId } : {}),
        ...(dto.tags ? { tags: dto.tags } : {}),
      },
    });
    return results;
  }

  private async applyOne(principal: Principal, dto: BulkClaimsDto, id: string): Promise<BulkResult> {
    try {
      await this.single(principal, dto, id);
      return { id, ok: true };
    } catch (error) {
      if (error instanceof ApiError) return { id, ok: false, code: error.code };
      if (error instanceof HttpException) return { id, ok: false, code: 'conflict' };
      // An outage or a bug is not one claim's refusal: it fails the request, with what was done audited above it.
      this.logger.warn(`Bulk ${dto.action} stopped at claim ${id}: ${(error as Error).message}`);
      throw error;
    }
  }

  private async single(principal: Principal, dto: BulkClaimsDto, id: string): Promise<void> {
    switch (dto.action) {
      case 'assign':
        await this.assignments.assignByHand(id, dto.reviewerId!, actorOf(principal));
        return;
      case 'unassign':
        await this.assignments.unassign(id, actorOf(principal));
        return;
      case 'dismiss':
        await this.transitions.moveAsFound(id, principal, { to: 'dismissed', note: dto.note });
        return;
      case 'reopen':
        await this.transitions.moveAsFound(id, principal, { to: 'unverified', note: dto.note });
        return;
      case 'tag':
        await this.tags.change(id, principal, { add: dto.tags });
        return;
      case 'untag':
        await this.tags.change(id, principal, { remove: dto.tags });
        return;
    }
  }
}
