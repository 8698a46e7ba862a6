import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { recordAuditEvent } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import { mayDecideOn } from '../claims/claim-state-machine';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ClaimsRepository } from '../claims/claims.repository';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import type { PublishedVerdict } from '../integrations/claim-review';
import type { EntityManager } from 'typeorm';
import type { ConfirmMatchDto } from './dto/confirm-match.dto';
import { FactChecksRepository, type StoredMatch } from './fact-checks.repository';
import { verdictOfMatch } from './rating-verdict';
import { clip } from '../common/text-rules';

/**
 * A reviewer's answer to a match: confirmed, the claim takes its verdict through the state machine; or rejected. Only
 * those who may give or revise the claim's verdict decide (`mayDecideOn`), and each decision is in the claim's
 * history and the audit log under the person who made it.
 */
@Injectable()
export class ClaimMatchDecisionService {
  constructor(
    private readonly repository: FactChecksRepository,
    private readonly claims: ClaimsQueryService,
    private readonly claimRows: ClaimsRepository,
    private readonly transitions: ClaimTransitionService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async list(principal: Principal, claimId: string): Promise<StoredMatch[]> {
    await this.claims.get(principal, claimId);
    return this.repository.matchesOf(claimId);
  }

  async confirm(
    principal: Principal,
    claimId: string,
    matchId: string,
    dto: ConfirmMatchDto,
    ifMatch?: string,
  ): Promise<ClaimEntity> {
    const claim = await this.decidable(principal, claimId);
    const match = await this.repository.transaction((em) => this.repository.matchOf(em, claimId, matchId));
    if (!match || match.state === 'rejected') throw ApiError.notFound('Match', matchId);
    const verdict = this.verdictOf(match, dto.to);
    const source =
      match.url ??
      `${this.config.get('PUBLIC_URL', { infer: true }).replace(/\/$/, '')}/claims/${match.matchedClaimId}`;
    const what = match.kind === 'fact-check' ? `fact-check ${source}` : `claim ${match.matchedClaimId}`;
    const moved = await this.transitions.move(
      claimId,
      principal,
      {
        to: verdict,
        expectedVersion: dto.expectedVersion ?? (ifMatch ? undefined : claim.version),
        note:
          dto.note ??
          `Seen before: matched to ${what}${match.rating ? ` (rated ${match.rating})` : ''}; match ${match.id}, score ${Number(match.score).toFixed(3)}`,
        sources: [
          {
            url: source,
            title: match.kind === 'fact-check' ? 'Matched fact-check' : 'Matched claim with a verdict',
            quote: clip(match.text, 5000),
          },
        ],
      },
      ifMatch,
    );
    await this.repository.transaction((em) => this.record(em, principal, moved, match, 'confirmed'));
    return moved;
  }

  async reject(principal: Principal, claimId: string, matchId: string): Promise<{ id: string; state: 'rejected' }> {
    const claim = await this.decidable(principal, claimId);
    await this.repository.transaction(async (em) => {
      const match = await this.repository.matchOf(em, claimId, matchId);
      if (!match) throw ApiError.notFound('Match', matchId);
      if (match.state === 'confirmed')
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'This match was confirmed; move the claim instead');
      await this.record(em, principal, claim, match, 'rejected');
    });
    return { id: matchId, state: 'rejected' };
  }

  /** The claim, if the caller may see it and decide its matches: the move's own rule of who may act on a claim. */
  private async decidable(principal: Principal, claimId: string): Promise<ClaimEntity> {
    const claim = await this.claims.get(principal, claimId);
    if (!mayDecideOn(principal.role, principal.reviewerId, claim))
      throw ApiError.forbidden(
        'Only the claim’s reviewer (assigned, or who gave its verdict), an editor or an admin may decide its matches',
      );
    return claim;
  }

  /** The decision, a history row naming who made it, and an audit entry: in one transaction. */
  private async record(
    em: EntityManager,
    principal: Principal,
    claim: ClaimEntity,
    match: StoredMatch,
    state: 'confirmed' | 'rejected',
  ): Promise<void> {
    await this.repository.decideMatch(em, match.id, state);
    const what = match.kind === 'fact-check' ? `fact-check ${match.url ?? match.id}` : `claim ${match.matchedClaimId}`;
    await this.claimRows.appendEvents(em, [
      {
        claimId: claim.id,
        articleId: claim.articleId,
        type: state === 'confirmed' ? 'match_confirmed' : 'match_rejected',
        actor: actorOf(principal),
        note: `Match ${match.id} (${what}) ${state}`,
      },
    ]);
    await recordAuditEvent(em, {
      action: state === 'confirmed' ? 'match.confirmed' : 'match.rejected',
      actor: principal,
      targetType: 'match',
      targetId: match.id,
      details: { claimId: claim.id, kind: match.kind, url: match.url, matchedClaimId: match.matchedClaimId },
    });
  }

  private verdictOf(match: StoredMatch, asked?: PublishedVerdict): PublishedVerdict {
    if (asked) return asked;
    const offered = verdictOfMatch(match);
    if (offered) return offered;
    if (match.kind === 'fact-check')
      throw ApiError.validation({
        to: [`the fact-check's rating (${match.rating ?? 'none'}) names no verdict: send to as sourced or disputed`],
      });
    throw new ApiError(
      HttpStatus.CONFLICT,
      'conflict',
      `The matched claim is ${match.status}, without a verdict yet; send to as sourced or disputed`,
    );
  }
}
