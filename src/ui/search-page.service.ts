import { Injectable } from '@nestjs/common';
import { claimTextFilters } from '../claims/claim-text-filters';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { FactChecksRepository, type FactCheckRow } from '../fact-checks/fact-checks.repository';
import type { UiSearchQuery } from './dto/ui-search.query';
import { SearchRepository, type ClaimSearchRow } from './search.repository';
import type { Principal } from '../auth/principal';
import { ReviewersService } from '../reviewers/reviewers.service';
import type { NamedRecord } from './pages.repository';

export const RESULTS_PER_PAGE = 20;
/** The rows a text search ranks, of each kind: as many as its pages can show (the form's page is at most 50). */
export const MAX_RANKED = RESULTS_PER_PAGE * 50;

/** null: that kind is not searched (filtered out by kind, or by a claim status, which fact-checks do not have). */
export interface SearchPage {
  claims: ClaimSearchRow[] | null;
  factChecks: FactCheckRow[] | null;
  page: number;
  more: boolean;
}

@Injectable()
export class SearchPageService {
  constructor(
    private readonly search: SearchRepository,
    private readonly claimsQuery: ClaimsQueryService,
    private readonly factChecks: FactChecksRepository,
    private readonly reviewers: ReviewersService,
  ) {}

  /** Whom the action bar may assign the results to: the active reviewers, for editors and admins. */
  async assignable(principal: Principal): Promise<NamedRecord[]> {
    if (principal.role !== 'admin' && principal.role !== 'editor') return [];
    return (await this.reviewers.list()).filter((r) => r.active).map(({ id, name }) => ({ id, name }));
  }

  async load(query: UiSearchQuery): Promise<SearchPage> {
    const page = query.page ?? 1;
    const textFilters = claimTextFilters(query);
    await this.claimsQuery.requireSearchable(textFilters.text);
    const filters = {
      ...textFilters,
      // One more than a page tells whether there is a next one.
      limit: RESULTS_PER_PAGE + 1,
      offset: (page - 1) * RESULTS_PER_PAGE,
      ranked: MAX_RANKED,
    };
    const [claims, factChecks] = await Promise.all([
      query.kind === 'fact-checks'
        ? null
        : this.search.claims({ ...filters, status: query.status ?? null, tag: textFilters.tag }),
      query.kind === 'claims' || query.status || textFilters.tag ? null : this.factChecks.browse(filters),
    ]);
    const more = (claims?.length ?? 0) > RESULTS_PER_PAGE || (factChecks?.length ?? 0) > RESULTS_PER_PAGE;
    return {
      claims: claims?.slice(0, RESULTS_PER_PAGE) ?? null,
      factChecks: factChecks?.slice(0, RESULTS_PER_PAGE) ?? null,
      page,
      more,
    };
  }
}
