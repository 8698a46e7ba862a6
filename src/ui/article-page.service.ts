import { CommentsService } from '../comments/comments.service';
import type { CommentRow } from '../comments/comments.repository';
import { isTeamMember } from './views/team-views';
import { Injectable } from '@nestjs/common';
import { ArticlesQueryService } from '../articles/articles-query.service';
import { isReviewed, type ClaimSummary } from '../claims/article.response';
import type { ArticleEntity } from '../articles/article.entity';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { ClaimEventEntity } from '../claims/claim-event.entity';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { FactChecksRepository, type StoredMatch } from '../fact-checks/fact-checks.repository';
import { mayReadMatches } from '../fact-checks/match-readers';
import { ReviewersService } from '../reviewers/reviewers.service';
import type { VerdictRules } from '../settings/desk-settings';
import { SettingsService } from '../settings/settings.service';
import type { NamedRecord } from './pages.repository';
import { PeopleService, type PeopleDirectory } from './people.service';

export interface ClaimDetail {
  claim: ClaimEntity;
  /** Oldest first; a claim's history is short, the first 200 events are shown. */
  events: ClaimEventEntity[];
  /** Seen before (issue 15): the claim's matches, best first. */
  matches: StoredMatch[];
  /** The claim's comment thread, oldest first (people only). */
  comments: CommentRow[];
}

export interface ArticlePage {
  article: ArticleEntity;
  summary: ClaimSummary;
  reviewed: boolean;
  /** One page of the article's claims, and the cursors to the next page and of this one. */
  claims: ClaimEntity[];
  claimsCursor: string | null;
  claimsNextCursor: string | null;
  selected: ClaimDetail | null;
  people: PeopleDirectory;
  /** Whom an editor may assign the chosen claim to: the active reviewers (empty for other roles). */
  assignable: NamedRecord[];
  /** The desk's rating scale and what a verdict must carry, for the editor's verdict forms. */
  scale: VerdictRules;
}

/** Editors and admins act on the article page; the other roles read it. */
export const mayEdit = (principal: Principal) => principal.role === 'admin' || principal.role === 'editor';

const HISTORY_LIMIT = 200;

/** Reads what the editor page shows, through the same visibility rules as the API (integrators see their own). */
@Injectable()
export class ArticlePageService {
  constructor(
    private readonly articles: ArticlesQueryService,
    private readonly claimsQuery: ClaimsQueryService,
    private readonly people: PeopleService,
    private readonly factChecks: FactChecksRepository,
    private readonly reviewers: ReviewersService,
    private readonly comments: CommentsService,
    private readonly settings: SettingsService,
  ) {}

  private async summaryOf(article: ArticleEntity): Promise<Pick<ArticlePage, 'summary' | 'reviewed'>> {
    const summary = (await this.claimsQuery.summaries([article.id])).get(article.id)!;
    return { summary, reviewed: isReviewed(article, summary) };
  }

  /** The article alone (the revision form shows its fields). */
  article(principal: Principal, articleId: string): Promise<ArticleEntity> {
    return this.articles.get(principal, articleId);
  }

  async load(
    principal: Principal,
    articleId: string,
    claimId: string | null,
    claimsCursor: string | null = null,
  ): Promise<ArticlePage> {
    const article = await this.articles.get(principal, articleId);
    const [{ summary, reviewed }, claims] = await Promise.all([
      this.summaryOf(article),
      this.claimsQuery.claimsOf(articleId, { cursor: claimsCursor ?? undefined }, 'both'),
    ]);
    const listed = claimId ? claims.items.find((c) => c.id === claimId) : undefined;
    // A claim chosen from another page of the list (or linked to) is read on its own.
    const claim =
      listed ?? (claimId ? await this.claimsQuery.get(principal, claimId).catch(notFoundAsUndefined) : undefined);
    const selected = claim?.articleId === articleId ? claim : undefined;
    const events = selected
      ? (await this.claimsQuery.events(principal, selected.id, { limit: HISTORY_LIMIT })).items
      : [];
    const people = await this.people.directory(
      events.map((e) => e.actorKeyId),
      events.map((e) => e.actorUserId),
    );
    const matches = selected && mayReadMatches(principal) ? await this.factChecks.matchesOf(selected.id) : [];
    const comments =
      selected && isTeamMember(principal)
        ? (await this.comments.list(principal, selected.id, { limit: 200 })).items
        : [];
    const assignable =
      (!selected || selected.status === 'unverified') && mayEdit(principal)
        ? (await this.reviewers.list()).filter((r) => r.active).map(({ id, name }) => ({ id, name }))
        : [];
    return {
      article,
      summary,
      reviewed,
      scale: await this.settings.verdictRules(),
      claims: claims.items,
      claimsCursor,
      claimsNextCursor: claims.nextCursor,
      selected: selected ? { claim: selected, events, matches, comments } : null,
      people,
      assignable,
    };
  }
}

function notFoundAsUndefined(error: unknown): undefined {
  if (error instanceof ApiError && error.code === 'not_found') return undefined;
  throw error;
}
