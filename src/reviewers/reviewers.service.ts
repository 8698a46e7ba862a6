import { isUniqueViolation } from '../database/sql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Principal } from '../auth/principal';
import { recordAuditEvent, type AuditEntry } from '../audit/audit.repository';
import { actorOf, SYSTEM_ACTOR } from '../claims/claim-history';
import { ApiError } from '../common/api-error';
import { normalizeTopics } from '../common/topics';
import { AssignmentService } from '../review/assignment.service';
import { inTransaction } from '../database/unit-of-work';
import { ReviewQueueService } from '../review/review-queue.service';
import type { CreateReviewerDto, UpdateReviewerDto } from './dto/reviewer.dto';
import type { ReviewerEntity } from './reviewer.entity';
import { ReviewersRepository } from './reviewers.repository';

@Injectable()
export class ReviewersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewers: ReviewersRepository,
    private readonly assignments: AssignmentService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async create(dto: CreateReviewerDto, principal: Principal | null = null): Promise<ReviewerEntity> {
    const built = this.reviewers.build({
      ...dto,
      email: dto.email.toLowerCase(),
      topics: normalizeTopics(dto.topics ?? []),
    });
    const reviewer = await this.saveUnique(
      built.email,
      (em) => this.reviewers.save(em, built),
      (saved) => ({
        action: 'reviewer.created',
        actor: principal,
        targetType: 'reviewer',
        targetId: saved.id,
        details: { ...dto },
      }),
      async (em, saved) => this.reviewQueue.offerWorkOnCommit(em, saved.id, null),
    );
    return reviewer;
  }

  /** Deactivating hands the reviewer's open claims back and ends its keys' powers; more capacity lets waiting claims in. */
  async update(id: string, dto: UpdateReviewerDto, principal: Principal): Promise<ReviewerEntity> {
    const changes: Partial<ReviewerEntity> = {
      ...dto,
      ...(dto.email ? { email: dto.email.toLowerCase() } : {}),
      ...(dto.topics ? { topics: normalizeTopics(dto.topics) } : {}),
    };
    let wasActive = false;
    const saved = await this.saveUnique(
      changes.email,
      async (em) => {
        // The changes go onto the row as it is now: another admin's change, or the assignments' last_assigned_at,
        // committed since the request began, stays.
        const current = await this.reviewers.lockById(em, id);
        if (!current) throw ApiError.notFound('Reviewer', id);
        wasActive = current.active;
        return this.reviewers.save(em, Object.assign(current, changes));
      },
      () => ({
        action: 'reviewer.updated',
        actor: principal,
        targetType: 'reviewer',
        targetId: id,
        details: { ...dto },
      }),
      async (em, saved) => {
        if (wasActive && !saved.active) await this.assignments.unassignAllOf(em, id, actorOf(principal));
        else this.reviewQueue.offerWorkOnCommit(em, id, null);
      },
    );
    if (wasActive !== saved.active) this.apiKeys.forgetReviewer(id);
    // Read again: a deactivation handed its claims back, which the trigger counted in `open_claims`.
    return this.get(saved.id);
  }

  async get(id: string): Promise<ReviewerEntity> {
    const reviewer = await this.reviewers.findById(id);
    if (!reviewer) throw ApiError.notFound('Reviewer', id);
    return reviewer;
  }

  list(): Promise<ReviewerEntity[]> {
    return this.reviewers.list();
  }

  /** A person behind the reviewer joined or left, or a key of it was issued or revoked (see `AssignmentService`). */
  standingChanged(reviewerId: string, principal: Principal | null): Promise<void> {
    return this.assignments.standingChanged(reviewerId, principal ? actorOf(principal) : SYSTEM_ACTOR);
  }

  /** Writes the reviewer (`write`), its audit entry and what the change implies (`alsoWrite`) together. */
  private async saveUnique(
    email: string | undefined,
    write: (em: EntityManager) => Promise<ReviewerEntity>,
    audit: (saved: ReviewerEntity) => AuditEntry,
    alsoWrite?: (em: EntityManager, saved: ReviewerEntity) => Promise<void>,
  ): Promise<ReviewerEntity> {
    try {
      return await inTransaction(this.dataSource, async (em) => {
        const saved = await write(em);
        await recordAuditEvent(em, audit(saved));
        await alsoWrite?.(em, saved);
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', `A reviewer with email ${email} exists`, { email });
      }
      throw error;
    }
  }
}
