import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import { ApiError } from '../common/api-error';
import { ApiKeyEntity } from './api-key.entity';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-secret';
import type { Principal } from './principal';
import type { Role } from './role';

/** Compared against when no key has the prefix, so an unknown prefix costs the same time as a wrong secret. */
const NO_SUCH_KEY_HASH = hashSecret('no such key');
const KEY_CACHE_MS = 5000;

/** A key that is not revoked, with whether the reviewer behind it (if any) is still active. */
interface LiveKey {
  id: string;
  name: string;
  role: Role;
  secretHash: string;
  reviewerId: string | null;
  integratorId: string | null;
  reviewerActive: boolean;
}

export interface NewApiKey {
  name: string;
  role: Role;
  reviewerId?: string | null;
  integratorId?: string | null;
}

@Injectable()
export class ApiKeysService {
  private readonly liveKeys = new Map<string, { row: LiveKey; until: number }>();

  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  /** The plain key is returned here once and never stored; `outer` makes it part of a caller's transaction. */
  async create(input: NewApiKey, actor: Principal | null = null, outer?: EntityManager): Promise<{ entity: ApiKeyEntity; key: string }> {
    if (input.role === 'reviewer' && !input.reviewerId) throw ApiError.validation({ reviewerId: ['a reviewer key needs reviewerId'] });
    if (input.role !== 'reviewer' && input.reviewerId) throw ApiError.validation({ reviewerId: ['only reviewer keys name a reviewer'] });
    const generated = generateApiKey();
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => (outer ? work(outer) : this.keys.manager.transaction(work));
    const entity = await inTransaction(async (em) => {
      const saved = await em.save(
        this.keys.create({
          name: input.name,
          role: input.role,
          prefix: generated.prefix,
          secretHash: generated.secretHash,
          reviewerId: input.reviewerId ?? null,
          integratorId: input.integratorId ?? null,
        }),
      );
      await recordAuditEvent(em, { action: 'key.created', actor, targetType: 'key', targetId: saved.id, details: { name: saved.name, role: saved.role } });
      return saved;
    });
    return { entity, key: generated.key };
  }

  /** Stores a key chosen outside (ADMIN_API_KEY), once, so automation can start with a known admin. */
  async ensureKnownKey(key: string, name: string, role: Role): Promise<void> {
    const parsed = parseApiKey(key);
    if (!parsed) throw new Error('ADMIN_API_KEY must look like cdk_<16 hex>_<43 url-safe chars>; `npm run cli -- keys:generate` makes one');
    await this.keys
      .createQueryBuilder()
      .insert()
      .values({ name, role, prefix: parsed.prefix, secretHash: hashSecret(parsed.secret) })
      .orIgnore()
      .execute();
  }

  /**
   * Who a key is, or null for no valid key. A deactivated reviewer's key is valid but acts on nothing: every route,
   * page and sign-in that resolves a principal comes here, so the refusal has this one home.
   */
  async authenticate(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const row = await this.findLiveKey(parsed.prefix);
    const matches = secretMatches(parsed.secret, row?.secretHash ?? NO_SUCH_KEY_HASH);
    if (!row || !matches) return null;
    if (!row.reviewerActive) throw ApiError.forbidden('This key’s reviewer is deactivated: it may not act on anything until an admin reactivates it');
    return { keyId: row.id, userId: null, name: row.name, role: row.role, reviewerId: row.reviewerId, integratorId: row.integratorId };
  }

  /**
   * Every request authenticates, so live keys are cached briefly; a revocation takes effect at once in the
   * process that made it and within KEY_CACHE_MS in the others; so does a reviewer's deactivation.
   */
  private async findLiveKey(prefix: string): Promise<LiveKey | null> {
    const cached = this.liveKeys.get(prefix);
    if (cached && cached.until > Date.now()) return cached.row;
    const [row]: LiveKey[] = await this.keys.query(
      `SELECT k.id, k.name, k.role, k.secret_hash AS "secretHash", k.reviewer_id AS "reviewerId", k.integrator_id AS "integratorId",
              coalesce(r.active, k.reviewer_id IS NULL) AS "reviewerActive"
       FROM api_keys k LEFT JOIN reviewers r ON r.id = k.reviewer_id
       WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [prefix],
    );
    if (row) this.liveKeys.set(prefix, { row, until: Date.now() + KEY_CACHE_MS });
    else this.liveKeys.delete(prefix);
    return row ?? null;
  }

  /** A reviewer was (de)activated: its keys are read afresh. */
  forgetReviewer(reviewerId: string): void {
    for (const [prefix, cached] of this.liveKeys) if (cached.row.reviewerId === reviewerId) this.liveKeys.delete(prefix);
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  async revoke(id: string, actor: Principal | null = null): Promise<void> {
    await this.keys.manager.transaction(async (em) => {
      const result = await em.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (!result.affected) throw ApiError.notFound('Key', id);
      await recordAuditEvent(em, { action: 'key.revoked', actor, targetType: 'key', targetId: id });
    });
    for (const [prefix, cached] of this.liveKeys) if (cached.row.id === id) this.liveKeys.delete(prefix);
  }
}
