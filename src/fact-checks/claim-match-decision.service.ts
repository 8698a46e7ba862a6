import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Principal } from '../auth/principal';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import type { PublishedVerdict } from '../integrations/claim-review';
import type { ConfirmMatchDto } from './dto/confirm-match.dto';
import { FactChecksRepository, type StoredMatch } from './fact-checks.repository';
import { verdictOfMatch } from './rating-verdict';
import { clip } from '../common/text-rules';

/** A reviewer's answer to a match: confirmed, the claim takes its verdict through the state machine; or rejected. */
@Injectable()
export class ClaimMatchDecisionService {
  constructor(
    private readonly repository: FactChecksRepository,
    private readonly claims: ClaimsQueryService,
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
    const claim = await this.claims.get(principal, claimId);
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
    await this.repository.transaction((em) => this.repository.decideMatch(em, match.id, 'confirmed'));
    return moved;
  }

  async reject(principal: Principal, claimId: string, matchId: string): Promise<{ id: string; state: 'rejected' }> {
    await this.claims.get(principal, claimId);
    if (principal.role === 'integrator') throw ApiError.forbidden();
    await this.repository.transaction(async (em) => {
      const match = await this.repository.matchOf(em, claimId, matchId);
      if (!match) throw ApiError.notFound('Match', matchId);
      if (match.state === 'confirmed')
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'This match was confirmed; move the claim instead');
      await this.repository.decideMatch(em, match.id, 'rejected');
    });
    return { id: matchId, state: 'rejected' };
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
