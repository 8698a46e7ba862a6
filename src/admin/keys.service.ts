import { Injectable } from '@nestjs/common';
import type { ApiKeyEntity } from '../auth/api-key.entity';
import { ApiKeysService } from '../auth/api-keys.service';
import type { Principal } from '../auth/principal';
import { actsAbove } from '../auth/role';
import { ApiError } from '../common/api-error';
import { PeopleService } from '../people/people.service';
import { ReviewersService } from '../reviewers/reviewers.service';
import type { CreateKeyDto } from './dto/create-key.dto';

/** Keys an admin issues (API or pages): the reviewer and the person named must exist, and the key act no higher than the person. */
@Injectable()
export class KeysService {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly reviewers: ReviewersService,
    private readonly people: PeopleService,
  ) {}

  /** The plain key is in this answer only. */
  async create(dto: CreateKeyDto, principal: Principal): Promise<{ entity: ApiKeyEntity; key: string }> {
    if (dto.reviewerId) await this.reviewers.get(dto.reviewerId);
    const owner = dto.ownerUserId ? await this.people.get(dto.ownerUserId) : null;
    if (owner && actsAbove(dto.role, owner.role))
      throw ApiError.validation({
        role: [`a key may not act above its owner, who is ${owner.role === 'admin' ? 'an' : 'a'} ${owner.role}`],
      });
    const created = await this.apiKeys.create(dto, principal);
    if (dto.reviewerId) await this.reviewers.standingChanged(dto.reviewerId, principal);
    return created;
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.apiKeys.list();
  }

  /** Keys are few (people and integrators hold a handful each), so the list is read and searched. */
  async get(id: string): Promise<ApiKeyEntity> {
    const key = (await this.apiKeys.list()).find((k) => k.id === id);
    if (!key) throw ApiError.notFound('Key', id);
    return key;
  }

  /** A revoked reviewer key may have been the last way to act as its reviewer: then its claims go back to the pool. */
  async revoke(id: string, principal: Principal): Promise<void> {
    const reviewerId = (await this.apiKeys.list()).find((k) => k.id === id)?.reviewerId ?? null;
    await this.apiKeys.revoke(id, principal);
    if (reviewerId) await this.reviewers.standingChanged(reviewerId, principal);
  }
}
