import { CommentsService } from '../comments/comments.service';
import type { CommentRow } from '../comments/comments.repository';
import { Injectable } from '@nestjs/common';
import type { ArticleEntity } from '../articles/article.entity';
import { ArticlesQueryService } from '../articles/articles-query.service';
import type { Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import type { ClaimEventEntity } from '../claims/claim-event.entity';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { FactChecksRepository, type StoredMatch } from '../fact-checks/fact-checks.repository';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import { AssignmentService } from '../review/assignment.service';
import { PagesRepository, type ReviewerCard } from './pages.repository';
import { PeopleService, type PeopleDirectory } from './people.service';
import type { VerdictRules } from '../settings/desk-settings';
import { SettingsService } from '../settings/settings.service';
import { ApproveVerdictDto, ReturnVerdictDto } from '../review/dto/second-opinion.dto';
import { SecondOpinionService } from '../review/second-opinion.service';
import { validatedAs } from './form-input';

export interface OpenClaim {
  claim: ClaimEntity;
  articleTitle: string;
}

export interface Workbench {
  reviewer: ReviewerCard;
  open: OpenClaim[];
  selected: {
    claim: ClaimEntity;
    article: ArticleEntity;
    events: ClaimEventEntity[];
    mine: boolean;
    matches: StoredMatch[];
    comments: CommentRow[];
  } | null;
  people: PeopleDirectory;
  /** The desk's rating scale for the verdict forms, whether a verdict needs a rating, a dispute a public rationale. */
  scale: VerdictRules;
}

/** A reviewer's open claims, pulling the next one, and the one in hand with its article around it. */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly pages: PagesRepository,
    private readonly assignments: AssignmentService,
    private readonly articles: ArticlesQueryService,
    private readonly claimsQuery: ClaimsQueryService,
    private readonly people: PeopleService,
    private readonly factChecks: FactChecksRepository,
    private readonly transitions: ClaimTransitionService,
    private readonly settings: SettingsService,
    private readonly secondOpinion: SecondOpinionService,
    private readonly comments: CommentsService,
  ) {}

  /** The claim to work next (from the reviewer's list first, then pulled), or null when there is nothing to give. */
  async next(principal: Principal, leaving: string | null): Promise<string | null> {
    return (await this.assignments.nextToWork(principal.reviewerId!, actorOf(principal), leaving))?.id ?? null;
  }

  async load(principal: Principal, claimId: string | null): Promise<Workbench> {
    const reviewerId = principal.reviewerId!;
    const [reviewer, claims] = await Promise.all([
      this.pages.reviewerCard(reviewerId),
      // Open claims are bounded by the reviewer's capacity, so this list needs no pages.
      this.assignments.openClaimsOf(reviewerId),
    ]);
    const titles = await this.pages.articleTitles(claims.map((c) => c.articleId));
    const open = claims.map((claim) => ({ claim, articleTitle: titles.get(claim.articleId) ?? '' }));
    const chosen = claimId ? await this.claimsQuery.get(principal, claimId) : (claims[0] ?? null);
    let selected: Workbench['selected'] = null;
    if (chosen) {
      const [article, events, matches, comments] = await Promise.all([
        this.articles.get(principal, chosen.articleId),
        this.claimsQuery.events(principal, chosen.id, { limit: 200 }),
        this.factChecks.matchesOf(chosen.id),
        this.comments.list(principal, chosen.id, { limit: 200 }),
      ]);
      selected = {
        claim: chosen,
        article,
        events: events.items,
        mine: chosen.assigneeId === reviewerId,
        matches,
        comments: comments.items,
      };
    }
    const people = await this.people.directory(
      selected?.events.map((e) => e.actorKeyId) ?? [],
      selected?.events.map((e) => e.actorUserId) ?? [],
    );
    return { reviewer: reviewer!, open, selected, people, scale: await this.settings.verdictRules() };
  }

  async claim(principal: Principal, claimId: string): Promise<ClaimEntity> {
    return this.claimsQuery.get(principal, claimId);
  }

  /** Until when the reviewer may take back the claim's verdict (the page's Undo), or null. */
  undoableUntil(principal: Principal, claim: ClaimEntity): Promise<Date | null> {
    return this.transitions.undoableUntil(principal, claim);
  }

  /** Verdicts of others waiting for this reviewer's second opinion, with their articles' titles. */
  async waitingForSecondOpinion(principal: Principal): Promise<{ claim: ClaimEntity; articleTitle: string }[]> {
    const page = await this.secondOpinion.waitingFor(principal, { limit: 100 });
    const titles = await this.pages.articleTitles(page.items.map((c) => c.articleId));
    return page.items.map((claim) => ({ claim, articleTitle: titles.get(claim.articleId) ?? '' }));
  }

  async approve(principal: Principal, claimId: string, form: { version: string }): Promise<ClaimEntity> {
    const dto = await validatedAs(ApproveVerdictDto, { expectedVersion: Number(form.version) });
    return this.secondOpinion.approve(claimId, principal, dto);
  }

  async returnVerdict(
    principal: Principal,
    claimId: string,
    form: { version: string; note?: string },
  ): Promise<ClaimEntity> {
    const dto = await validatedAs(ReturnVerdictDto, { expectedVersion: Number(form.version), note: form.note ?? '' });
    return this.secondOpinion.returnVerdict(claimId, principal, dto);
  }

  async undo(principal: Principal, claimId: string, version: number): Promise<void> {
    await this.transitions.undo(claimId, principal, { expectedVersion: version });
  }
}
