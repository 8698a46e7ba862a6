import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { actorOf } from './claim-history';
import { checkTagCount, describeTagChange, normaliseTag, normaliseTags, TagRuleError } from './claim-tags';
import type { ClaimEntity } from './claim.entity';
import { ClaimsRepository } from './claims.repository';

/** A change of a claim's tags: the whole set, or tags to add and to remove. */
export type TagChange = { set: string[] } | { add?: string[]; remove?: string[] };

/** The tag rules as the API answers them: 400 with the rule's code. */
export function tagRuleAnswer<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof TagRuleError)
      throw new ApiError(HttpStatus.BAD_REQUEST, error.code, error.message, error.details);
    throw error;
  }
}

/** Who may tag a claim: editors and admins, and the reviewer it is assigned to. */
export function mayTag(principal: Principal, claim: ClaimEntity): boolean {
  if (principal.role === 'admin' || principal.role === 'editor') return true;
  return principal.role === 'reviewer' && !!principal.reviewerId && claim.assigneeId === principal.reviewerId;
}

/** Tags on claims: each change is checked against the rules (claim-tags.ts) and written with its history row. */
@Injectable()
export class ClaimTagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
  ) {}

  async change(claimId: string, principal: Principal, change: TagChange): Promise<ClaimEntity> {
    const normalised = tagRuleAnswer(() =>
      'set' in change
        ? { set: normaliseTags(change.set), add: [], remove: [] }
        : { set: null, add: normaliseTags(change.add ?? []), remove: normaliseTags(change.remove ?? []) },
    );
    return this.dataSource.transaction(async (em) => {
      const claim = await this.claims.lockById(em, claimId);
      if (!claim) throw ApiError.notFound('Claim', claimId);
      if (!mayTag(principal, claim))
        throw ApiError.forbidden('Only editors, admins and the reviewer the claim is assigned to may tag it');
      const next =
        normalised.set ??
        [...new Set([...claim.tags, ...normalised.add])].filter((tag) => !normalised.remove.includes(tag));
      tagRuleAnswer(() => checkTagCount(next));
      const note = describeTagChange(claim.tags, next);
      if (!note) return claim;
      const changed = await this.claims.setTags(em, claimId, next, {
        type: 'tags_changed',
        actor: actorOf(principal),
        note,
        reviewerId: null,
      });
      return changed!;
    });
  }

  /** Tags in use on the claims the principal may see, most used first; `prefix` narrows them (normalised like a tag). */
  counts(principal: Principal, prefix: string | undefined, limit: number): Promise<{ tag: string; count: number }[]> {
    const start = prefix?.trim() ? tagRuleAnswer(() => normaliseTag(prefix)) : null;
    return this.claims.tagCounts(ownerFilterOf(principal), start, limit);
  }
}
