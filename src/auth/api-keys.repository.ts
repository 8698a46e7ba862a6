import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import type { Role } from './role';

/**
 * A key that is not revoked, with whether the reviewer and the person behind it (if any) are still active, and that
 * person's current role (and reviewer profile, when they are a reviewer).
 */
export interface LiveKey {
  id: string;
  name: string;
  role: Role;
  secretHash: string;
  reviewerId: string | null;
  integratorId: string | null;
  ownerUserId: string | null;
  reviewerActive: boolean;
  ownerActive: boolean;
  ownerRole: Role | null;
  ownerReviewerId: string | null;
  ownerReviewerActive: boolean;
}

export interface StoredKeyInput {
  name: string;
  role: Role;
  prefix: string;
  secretHash: string;
  reviewerId?: string | null;
  integratorId?: string | null;
  ownerUserId?: string | null;
}

/** `api_keys`: keys stored by prefix and hashed secret, never the secret itself. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  insert(em: EntityManager, key: StoredKeyInput): Promise<ApiKeyEntity> {
    return em.save(
      em.create(ApiKeyEntity, {
        ...key,
        reviewerId: key.reviewerId ?? null,
        integratorId: key.integratorId ?? null,
        ownerUserId: key.ownerUserId ?? null,
      }),
    );
  }

  /** Nothing happens when a key with the prefix exists already. */
  async insertIfAbsent(key: StoredKeyInput): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(ApiKeyEntity).values(key).orIgnore().execute();
  }

  async findLive(prefix: string): Promise<LiveKey | null> {
    const [row]: LiveKey[] = await this.dataSource.query(
      `SELECT k.id, k.name, k.role, k.secret_hash AS "secretHash", k.reviewer_id AS "reviewerId", k.integrator_id AS "integratorId",
              k.owner_user_id AS "ownerUserId", coalesce(r.active, k.reviewer_id IS NULL) AS "reviewerActive", coalesce(u.active, k.owner_user_id IS NULL) AS "ownerActive",
              u.role AS "ownerRole", u.reviewer_id AS "ownerReviewerId", coalesce(ur.active, u.reviewer_id IS NULL) AS "ownerReviewerActive"
       FROM api_keys k LEFT JOIN reviewers r ON r.id = k.reviewer_id LEFT JOIN users u ON u.id = k.owner_user_id
            LEFT JOIN reviewers ur ON ur.id = u.reviewer_id
       WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [prefix],
    );
    return row ?? null;
  }

  /** At most once a minute per key, so a busy key does not write on every cache refresh. */
  async touch(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  /** Newest first. */
  list(): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ order: { createdAt: 'DESC' } });
  }

  /** False when there is no such key, or it was revoked before. */
  async revoke(em: EntityManager, id: string): Promise<boolean> {
    const result = await em.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return !!result.affected;
  }
}
