import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ArticleEntity } from '../articles/article.entity';
import { ArticlesQueryService } from '../articles/articles-query.service';
import type { Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import type { ClaimEventEntity } from '../claims/claim-event.entity';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { AssignmentService } from '../review/assignment.service';
import { PeopleService, type PeopleDirectory } from './people.service';

export interface OpenClaim {
  claim: ClaimEntity;
  articleTitle: string;
}

export interface Workbench {
  reviewer: { id: string; name: string; capacity: number };
  open: OpenClaim[];
  selected: { claim: ClaimEntity; article: ArticleEntity; events: ClaimEventEntity[]; mine: boolean } | null;
  people: PeopleDirectory;
}

/** A reviewer's open claims, pulling the next one, and the one in hand with its article around it. */
@Injectable()
export class WorkbenchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly articles: ArticlesQueryService,
    private readonly claimsQuery: ClaimsQueryService,
    private readonly people: PeopleService,
  ) {}

  /** The claim pulled, or null when there is nothing to give (or the reviewer is at capacity). */
  async pullNext(principal: Principal): Promise<string | null> {
    const assignment = await this.assignments.pullNext(principal.reviewerId!, actorOf(principal));
    return assignment?.claimId ?? null;
  }

  async load(principal: Principal, claimId: string | null): Promise<Workbench> {
    const reviewerId = principal.reviewerId!;
    const [reviewers, claims] = await Promise.all([
      this.dataSource.query(`SELECT id, name, capacity FROM reviewers WHERE id = $1`, [reviewerId]) as Promise<Workbench['reviewer'][]>,
      // Open claims are bounded by the reviewer's capacity, so this list needs no pages.
      this.assignments.openClaimsOf(reviewerId),
    ]);
    const titles = await this.titles(claims.map((c) => c.articleId));
    const open = claims.map((claim) => ({ claim, articleTitle: titles.get(claim.articleId) ?? '' }));
    const chosen = claimId ? await this.claimsQuery.get(principal, claimId) : (claims[0] ?? null);
    let selected: Workbench['selected'] = null;
    if (chosen) {
      const [article, events] = await Promise.all([
        this.articles.get(principal, chosen.articleId),
        this.claimsQuery.events(principal, chosen.id, { limit: 200 }),
      ]);
      selected = { claim: chosen, article, events: events.items, mine: chosen.assigneeId === reviewerId };
    }
    const people = await this.people.directory(selected?.events.map((e) => e.actorKeyId) ?? [], selected?.events.map((e) => e.actorUserId) ?? []);
    return { reviewer: reviewers[0], open, selected, people };
  }

  async claim(principal: Principal, claimId: string): Promise<ClaimEntity> {
    return this.claimsQuery.get(principal, claimId);
  }

  private async titles(articleIds: string[]): Promise<Map<string, string>> {
    if (articleIds.length === 0) return new Map();
    const rows: { id: string; title: string }[] = await this.dataSource.query(`SELECT id, title FROM articles WHERE id = ANY($1)`, [[...new Set(articleIds)]]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }
}
