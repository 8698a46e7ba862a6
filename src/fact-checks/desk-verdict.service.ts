import { publicPageUrl, publicSlugFor } from '../claims/public-page';
import { claimantKindOf } from '../claims/claimant-kind';
import { ClaimsRepository } from '../claims/claims.repository';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { isPublishedVerdict, toClaimReview } from '../integrations/claim-review';
import { resolveRating } from '../settings/desk-settings';
import { SettingsService } from '../settings/settings.service';
import { parseClaimReview } from './claim-review-input';
import { FactChecksRepository } from './fact-checks.repository';

/** The desk's own verdicts in the archive: a sourced or disputed claim is a fact-check with its ClaimReview. */
@Injectable()
export class DeskVerdictService {
  constructor(
    private readonly repository: FactChecksRepository,
    private readonly claims: ClaimsRepository,
    private readonly config: ConfigService<Environment, true>,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Idempotent: reads the claim as it is now (locked until the archive and its mark agree), and marks what the archive
   * holds of it, so the reconciler finds the work Redis lost.
   */
  async publish(claimId: string): Promise<'published' | 'removed' | 'none'> {
    return this.repository.transaction(async (em) => {
      const claim = await this.repository.deskVerdictOf(em, claimId);
      if (!claim) return 'none';
      // A verdict waiting for a second opinion is not published yet.
      if (!isPublishedVerdict(claim.status) || claim.approval === 'pending') {
        await this.repository.removeSourceFactCheck(em, claimId);
        await this.claims.markArchived(em, claimId, null);
        return 'removed';
      }
      const review = toClaimReview(
        {
          claimId: claim.id,
          pageUrl: publicPageUrl(claim.publicSlug ?? publicSlugFor(claim)),
          text: claim.statement,
          claimant: claim.claimant,
          claimantKind: claimantKindOf(claim),
          verdict: claim.status,
          verdictAt: claim.verdictAt ?? claim.updatedAt,
          rating: resolveRating((await this.settings.get()).ratings, claim.rating),
          publicNote: claim.publicNote,
          article: { url: claim.articleUrl, publishedAt: claim.publishedAt, createdAt: claim.articleCreatedAt },
        },
        {
          name: this.config.get('DESK_NAME', { infer: true }),
          url: this.config.get('ORGANIZATION_URL', { infer: true }),
        },
      );
      const parsed = parseClaimReview(review);
      if (!parsed.ok) throw new Error(`the desk's ClaimReview for ${claimId} is invalid: ${parsed.message}`);
      const existing = await this.repository.sourceFactCheckOf(em, claimId);
      if (existing) await this.repository.write(em, [], [{ id: existing.id, value: parsed.value }]);
      else {
        // A re-import of the desk's own URL may already hold the row: adopt it.
        const byUrl = await this.repository.existingByUrl(em, [parsed.value.url]);
        const found = byUrl.get(parsed.value.url);
        if (found) await this.repository.write(em, [], [{ id: found.id, value: parsed.value }]);
        else await this.repository.write(em, [parsed.value], [], claimId);
        if (found) await this.repository.setSourceClaim(em, found.id, claimId);
      }
      await this.claims.markArchived(em, claimId, claim.version);
      return 'published';
    });
  }
}
