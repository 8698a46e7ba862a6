import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { containsPattern } from '../database/sql';

export interface NewComment {
  claimId: string;
  articleId: string;
  authorUserId: string | null;
  authorKeyId: string | null;
  authorName: string;
  body: string;
  mentions: string[];
}

export interface CommentRow extends Omit<NewComment, 'mentions'> {
  id: string;
  mentions: { userId: string; name: string }[];
  createdAt: Date;
  editedAt: Date | null;
  revisions: { body: string; writtenAt: Date; replacedAt: Date }[];
}

const COLUMNS = `k.id, k.claim_id AS "claimId", k.article_id AS "articleId", k.author_user_id AS "authorUserId",
  k.author_key_id AS "authorKeyId", coalesce(a.name, k.author_name) AS "authorName", k.body,
  k.created_at AS "createdAt", k.edited_at AS "editedAt",
  coalesce((SELECT json_agg(json_build_object('userId', u.id, 'name', u.name) ORDER BY m.ord)
            FROM unnest(k.mentions) WITH ORDINALITY AS m(id, ord) JOIN users u ON u.id = m.id), '[]') AS mentions,
  coalesce((SELECT json_agg(json_build_object('body', r.body, 'writtenAt', r.written_at, 'replacedAt', r.replaced_at)
            ORDER BY r.replaced_at, r.id) FROM claim_comment_revisions r WHERE r.comment_id = k.id), '[]') AS revisions`;

/** `claim_comments` and their earlier texts, `claim_comment_revisions`; reads people for names and mentions. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, comment: NewComment): Promise<string> {
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO claim_comments (claim_id, article_id, author_user_id, author_key_id, author_name, body, mentions)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[]) RETURNING id`,
      [
        comment.claimId,
        comment.articleId,
        comment.authorUserId,
        comment.authorKeyId,
        comment.authorName,
        comment.body,
        comment.mentions,
      ],
    );
    return row.id;
  }

  async byId(claimId: string, id: string, em?: EntityManager): Promise<CommentRow | undefined> {
    const [row]: CommentRow[] = await (em ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM claim_comments k LEFT JOIN users a ON a.id = k.author_user_id
       WHERE k.claim_id = $1 AND k.id = $2`,
      [claimId, id],
    );
    return row;
  }

  /** Locks the comment for an edit. */
  async lock(
    em: EntityManager,
    claimId: string,
    id: string,
  ): Promise<{ authorUserId: string | null; authorKeyId: string | null; body: string; writtenAt: Date } | undefined> {
    const [row] = await em.query(
      `SELECT author_user_id AS "authorUserId", author_key_id AS "authorKeyId", body,
              coalesce(edited_at, created_at) AS "writtenAt"
       FROM claim_comments WHERE claim_id = $1 AND id = $2 FOR UPDATE`,
      [claimId, id],
    );
    return row;
  }

  /** Keeps the text being replaced, then replaces it. */
  async edit(em: EntityManager, id: string, earlier: { body: string; writtenAt: Date }, body: string): Promise<void> {
    await em.query(`INSERT INTO claim_comment_revisions (comment_id, body, written_at) VALUES ($1, $2, $3)`, [
      id,
      earlier.body,
      earlier.writtenAt,
    ]);
    await em.query(`UPDATE claim_comments SET body = $2, edited_at = now() WHERE id = $1`, [id, body]);
  }

  /** A claim's comments, oldest first. */
  async list(claimId: string, page: { cursor?: string; limit: number }): Promise<Page<CommentRow>> {
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, k.created_at::text AS "cursorAt" FROM claim_comments k LEFT JOIN users a ON a.id = k.author_user_id
       WHERE k.claim_id = $1 AND ($2::timestamptz IS NULL OR (k.created_at, k.id) > ($2::timestamptz, $3::uuid))
       ORDER BY k.created_at, k.id LIMIT $4`,
      [claimId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [(row as { cursorAt?: string }).cursorAt!, row.id]);
  }

  /** Of the given ids, the active people. */
  async activePeople(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Active people whose name holds the text, or whose email is the text, for the pages' @ completion. */
  mentionable(text: string, limit: number): Promise<{ id: string; name: string; role: string }[]> {
    return this.dataSource.query(
      `SELECT id, name, role FROM users WHERE active AND (name ILIKE $1 OR lower(email) = lower($3))
       ORDER BY lower(name), id LIMIT $2`,
      [containsPattern(text), limit, text.trim()],
    );
  }
}
