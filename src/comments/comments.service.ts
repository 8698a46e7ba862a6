import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import { inTransaction } from '../database/unit-of-work';
import { NotificationsService } from '../notifications/notifications.service';
import { CommentsRepository, type CommentRow } from './comments.repository';

/** The desk's conversation about a claim: internal, kept for good (an edit keeps the text it replaces). */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsQueryService,
    private readonly comments: CommentsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** Writes the comment and, in the same transaction, a `mentioned` notice to each person it names. */
  async add(principal: Principal, claimId: string, body: string, given: string[] = []): Promise<CommentRow> {
    const claim = await this.claims.get(principal, claimId);
    // Ids as Postgres gives them back (lower case), so a mention in capitals names the same person, once.
    const mentions = [...new Set(given.map((id) => id.toLowerCase()))];
    if (mentions.length > 0) {
      const active = new Set(await this.comments.activePeople(mentions));
      const unknown = mentions.filter((id) => !active.has(id));
      if (unknown.length > 0)
        throw ApiError.validation(
          { mentions: unknown.map((id) => `${id} is not an active person`) },
          'Mentions must name active people',
        );
    }
    return inTransaction(this.dataSource, async (em) => {
      const id = await this.comments.insert(em, {
        claimId: claim.id,
        articleId: claim.articleId,
        authorUserId: principal.userId,
        authorKeyId: principal.keyId,
        authorName: principal.name,
        body,
        mentions,
      });
      await this.notifications.notify(
        em,
        mentions.map((userId) => ({
          userId,
          kind: 'mentioned' as const,
          claimId: claim.id,
          articleId: claim.articleId,
          commentId: id,
          actorUserId: principal.userId,
          actorName: principal.name,
          dedupeKey: `mentioned:${id}`,
        })),
      );
      return (await this.comments.byId(claim.id, id, em))!;
    });
  }

  async list(
    principal: Principal,
    claimId: string,
    page: { cursor?: string; limit?: number },
  ): Promise<Page<CommentRow>> {
    await this.claims.get(principal, claimId);
    return this.comments.list(claimId, { cursor: page.cursor, limit: page.limit ?? 50 });
  }

  /** Only its author edits a comment: the person who wrote it, or the key, when no person did. */
  async edit(principal: Principal, claimId: string, commentId: string, body: string): Promise<CommentRow> {
    await this.claims.get(principal, claimId);
    return inTransaction(this.dataSource, async (em) => {
      const comment = await this.comments.lock(em, claimId, commentId);
      if (!comment) throw ApiError.notFound('Comment', commentId);
      const mine = comment.authorUserId
        ? comment.authorUserId === principal.userId
        : comment.authorKeyId === principal.keyId;
      if (!mine) throw ApiError.forbidden('Only its author edits a comment');
      if (comment.body !== body) await this.comments.edit(em, commentId, comment, body);
      return (await this.comments.byId(claimId, commentId, em))!;
    });
  }

  mentionable(text: string): Promise<{ id: string; name: string; role: string }[]> {
    return this.comments.mentionable(text, 10);
  }
}
