import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ReviewerEntity } from './reviewer.entity';

/**
 * The statements of `reviewers` that belong to reviewer profiles. Assignment's reads and locks of reviewer rows sit in
 * `review/assignment.repository.ts`; `open_claims` and `last_assigned_at` follow the claims' assignee through a trigger
 * on `claims` (migration 1765040000000), within the statement that changes it.
 */
@Injectable()
export class ReviewersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new reviewer, not yet saved. */
  build(fields: Partial<ReviewerEntity>): ReviewerEntity {
    return this.dataSource.getRepository(ReviewerEntity).create(fields);
  }

  findById(id: string): Promise<ReviewerEntity | null> {
    return this.dataSource.getRepository(ReviewerEntity).findOneBy({ id });
  }

  /** The reviewer's row as it is now, locked until the caller's transaction ends: a change made from it loses no other. */
  lockById(em: EntityManager, id: string): Promise<ReviewerEntity | null> {
    return em.getRepository(ReviewerEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every reviewer, by name. */
  list(): Promise<ReviewerEntity[]> {
    return this.dataSource.getRepository(ReviewerEntity).find({ order: { name: 'ASC', id: 'ASC' } });
  }

  /** Inserts a new reviewer or updates a loaded one, in the caller's transaction. */
  save(em: EntityManager, reviewer: ReviewerEntity): Promise<ReviewerEntity> {
    return em.save(reviewer);
  }
}
