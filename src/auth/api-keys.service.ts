import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import { ApiError } from '../common/api-error';
import { ChannelListenerRepository } from '../database/channel-listener.repository';
import { TtlCache } from '../common/ttl-cache';
import type { ApiKeyEntity } from './api-key.entity';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-secret';
import { ApiKeysRepository, type LiveKey } from './api-keys.repository';
import type { Principal } from './principal';
import { actsAbove, type Role } from './role';

/** Compared against when no key has the prefix, so an unknown prefix costs the same time as a wrong secret. */
const NO_SUCH_KEY_HASH = hashSecret('no such key');
/** A bound only: every change that alters a key's power is announced on KEYS_CHANGED and forgets the cache at once. */
const KEY_CACHE_MS = 60_000;
const KEYS_CHANGED = 'api_keys_changed';

export interface NewApiKey {
  name: string;
  role: Role;
  reviewerId?: string | null;
  integratorId?: string | null;
  /** The person who holds the key; integrator keys name their integrator instead. */
  ownerUserId?: string | null;
}

@Injectable()
export class ApiKeysService {
  /** Only keys that exist are remembered: a flood of made-up prefixes must not fill the memory. */
  private readonly liveKeys = new TtlCache<string, LiveKey | null>(KEY_CACHE_MS, { keeps: (row) => row !== null });
  private listening = false;
  /** The listening connection the cache was last emptied for; what it holds from before may have missed a notice. */
  private trustedConnection: number | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: ApiKeysRepository,
    private readonly channels: ChannelListenerRepository,
  ) {}

  /** The plain key is returned here once and never stored; `outer` makes it part of a caller's transaction. */
  async create(
    input: NewApiKey,
    actor: Principal | null = null,
    outer?: EntityManager,
  ): Promise<{ entity: ApiKeyEntity; key: string }> {
    if (input.role === 'reviewer' && !input.reviewerId)
      throw ApiError.validation({ reviewerId: ['a reviewer key needs reviewerId'] });
    if (input.role !== 'reviewer' && input.reviewerId)
      throw ApiError.validation({ reviewerId: ['only reviewer keys name a reviewer'] });
    if (input.role === 'integrator' && input.ownerUserId)
      throw ApiError.validation({ ownerUserId: ['an integrator key is owned by its integrator, not a person'] });
    const generated = generateApiKey();
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) =>
      outer ? work(outer) : this.dataSource.transaction(work);
    const entity = await inTransaction(async (em) => {
      const saved = await this.keys.insert(em, {
        name: input.name,
        role: input.role,
        prefix: generated.prefix,
        secretHash: generated.secretHash,
        reviewerId: input.reviewerId,
        integratorId: input.integratorId,
        ownerUserId: input.ownerUserId,
      });
      await recordAuditEvent(em, {
        action: 'key.created',
        actor,
        targetType: 'key',
        targetId: saved.id,
        details: { name: saved.name, role: saved.role, ownerUserId: saved.ownerUserId },
      });
      return saved;
    });
    return { entity, key: generated.key };
  }

  /** Stores a key chosen outside (ADMIN_API_KEY), once, so automation can start with a known admin. */
  async ensureKnownKey(key: string, name: string, role: Role): Promise<void> {
    const parsed = parseApiKey(key);
    if (!parsed)
      throw new Error(
        'ADMIN_API_KEY must look like cdk_<16 hex>_<43 url-safe chars>; `npm run cli -- keys:generate` makes one',
      );
    await this.keys.insertIfAbsent({ name, role, prefix: parsed.prefix, secretHash: hashSecret(parsed.secret) });
  }

  /**
   * Who a key is, or null for no valid key. A deactivated reviewer's key is valid but acts on nothing: every route,
   * page and sign-in that resolves a principal comes here, so the refusal has this one home. A key held by a person
   * never acts above that person's current role: one issued before a demotion acts in the role they have now.
   */
  async authenticate(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const row = await this.findLiveKey(parsed.prefix);
    const matches = secretMatches(parsed.secret, row?.secretHash ?? NO_SUCH_KEY_HASH);
    if (!row || !matches) return null;
    const demoted = row.ownerRole !== null && actsAbove(row.role, row.ownerRole);
    const role = demoted ? row.ownerRole! : row.role;
    const reviewerId = demoted ? (row.ownerRole === 'reviewer' ? row.ownerReviewerId : null) : row.reviewerId;
    if (!(demoted ? row.ownerReviewerActive : row.reviewerActive))
      throw ApiError.forbidden(
        'This key’s reviewer is deactivated: it may not act on anything until an admin reactivates it',
      );
    if (!row.ownerActive)
      throw ApiError.forbidden(
        'This key’s owner is deactivated: it may not act on anything until an admin reactivates them',
      );
    return {
      keyId: row.id,
      userId: row.ownerUserId,
      name: row.name,
      role,
      reviewerId,
      integratorId: row.integratorId,
    };
  }

  /**
   * Every request authenticates, so live keys are cached. The `api_keys_changed` trigger announces every change to a
   * key, its owner or its reviewer, whichever process or tool made it, and each process then forgets every key it
   * holds: a revocation, demotion or deactivation holds on the next request everywhere. While this process cannot hear
   * those notices (the listening connection is down or not yet open), nothing is cached.
   */
  private findLiveKey(prefix: string): Promise<LiveKey | null> {
    if (!this.listening) {
      this.listening = true;
      this.channels.subscribe(KEYS_CHANGED, () => this.forget(() => true));
    }
    const load = async () => {
      const row = await this.keys.findLive(prefix);
      if (row) await this.keys.touch(row.id);
      return row;
    };
    const connection = this.channels.listeningConnection(KEYS_CHANGED);
    if (connection !== this.trustedConnection) {
      this.forget(() => true);
      this.trustedConnection = connection;
    }
    return connection === null ? load() : this.liveKeys.get(prefix, load);
  }

  /** A reviewer was (de)activated: its keys are read afresh. */
  forgetReviewer(reviewerId: string): void {
    this.forget((row) => row.reviewerId === reviewerId);
  }

  /** A person was (de)activated or changed role: the keys they hold are read afresh. */
  forgetOwner(userId: string): void {
    this.forget((row) => row.ownerUserId === userId);
  }

  private forget(matches: (row: LiveKey) => boolean): void {
    this.liveKeys.forgetWhere((row) => row !== null && matches(row));
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.list();
  }

  async revoke(id: string, actor: Principal | null = null): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.keys.revoke(em, id))) throw ApiError.notFound('Key', id);
      await recordAuditEvent(em, { action: 'key.revoked', actor, targetType: 'key', targetId: id });
    });
    this.forget((row) => row.id === id);
  }
}
