import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { returningRows } from '../database/sql';
import { DEFAULT_DELIVERY, type MailDelivery, type NotificationKind } from './notification-kinds';

/** A notice to raise; `dedupeKey` makes the same notice raised twice one row. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  claimId: string | null;
  articleId: string | null;
  commentId?: string | null;
  actorUserId: string | null;
  /** The actor's name when it is not a person (a key); a person's name is read from `users`. */
  actorName?: string | null;
  dedupeKey: string;
}

export interface NotificationRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  claimId: string | null;
  articleId: string | null;
  commentId: string | null;
  actorUserId: string | null;
  actorName: string | null;
  delivery: MailDelivery;
  createdAt: Date;
  readAt: Date | null;
  /** The claim's text, for the pages and mail. */
  claimText: string | null;
}

/** A notice with what its mail needs: the person's address and name. */
export interface MailableNotification extends NotificationRow {
  email: string;
  personName: string;
}

export interface StoredPreferences {
  kinds: Partial<Record<string, string>>;
  digestHour: number;
}

export interface LeaseExpiring {
  userId: string;
  claimId: string;
  articleId: string;
  leaseExpiresAt: Date;
}

export interface DueDigest {
  userId: string;
  email: string;
  name: string;
  /** The person's calendar day (in their time zone) the digest is for. */
  day: string;
  /** When today's digest fell due. */
  dueAt: Date;
}

const COLUMNS = `n.id, n.user_id AS "userId", n.kind, n.claim_id AS "claimId", n.article_id AS "articleId",
  n.comment_id AS "commentId", n.actor_user_id AS "actorUserId", n.actor_name AS "actorName", n.delivery,
  n.created_at AS "createdAt", n.read_at AS "readAt", c.text AS "claimText"`;

/** `notifications` and `notification_preferences`; reads people and claims for who is told and what about. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Writes the notices to active people, each with the delivery its person chose for its kind (or the default), and
   * answers those that are new (a repeated `dedupeKey` writes nothing).
   */
  async insert(em: EntityManager, notices: NewNotification[]): Promise<{ id: string; delivery: MailDelivery }[]> {
    if (notices.length === 0) return [];
    const rows = notices.map((n) => ({
      user_id: n.userId,
      kind: n.kind,
      claim_id: n.claimId,
      article_id: n.articleId,
      comment_id: n.commentId ?? null,
      actor_user_id: n.actorUserId,
      actor_name: n.actorName ?? null,
      dedupe_key: n.dedupeKey,
    }));
    return returningRows(
      em,
      `INSERT INTO notifications (user_id, kind, claim_id, article_id, comment_id, actor_user_id, actor_name, dedupe_key, delivery)
       SELECT x.user_id, x.kind, x.claim_id, x.article_id, x.comment_id, x.actor_user_id,
              coalesce((SELECT name FROM users WHERE id = x.actor_user_id), x.actor_name), x.dedupe_key,
              coalesce(p.kinds ->> x.kind, $2::jsonb ->> x.kind)
       FROM jsonb_to_recordset($1::jsonb) AS x(user_id uuid, kind text, claim_id uuid, article_id uuid, comment_id uuid,
              actor_user_id uuid, actor_name text, dedupe_key text)
       JOIN users u ON u.id = x.user_id AND u.active
       LEFT JOIN notification_preferences p ON p.user_id = x.user_id
       ON CONFLICT (user_id, dedupe_key) DO NOTHING
       RETURNING id, delivery`,
      [JSON.stringify(rows), JSON.stringify(DEFAULT_DELIVERY)],
    );
  }

  mailable(em: EntityManager, ids: string[]): Promise<MailableNotification[]> {
    return em.query(
      `SELECT ${COLUMNS}, u.email, u.name AS "personName"
       FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN claims c ON c.id = n.claim_id
       WHERE n.id = ANY($1::uuid[]) ORDER BY n.created_at, n.id`,
      [ids],
    );
  }

  /** A person's notices, newest first. */
  async list(userId: string, page: { cursor?: string; limit: number }): Promise<Page<NotificationRow>> {
    const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, n.created_at::text AS "cursorAt" FROM notifications n LEFT JOIN claims c ON c.id = n.claim_id
       WHERE n.user_id = $1 AND ($2::timestamptz IS NULL OR (n.created_at, n.id) < ($2::timestamptz, $3::uuid))
       ORDER BY n.created_at DESC, n.id DESC LIMIT $4`,
      [userId, after?.[0] ?? null, after?.[1] ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit, (row) => [(row as { cursorAt?: string }).cursorAt!, row.id]);
  }

  /** Marks the person's own notices read; answers the ids that were unread until now. */
  async markRead(userId: string, ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await returningRows(
      this.dataSource,
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL RETURNING id`,
      [userId, ids],
    );
    return rows.map((r) => r.id);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return row.count;
  }

  async preferences(userId: string): Promise<StoredPreferences | undefined> {
    const [row]: StoredPreferences[] = await this.dataSource.query(
      `SELECT kinds, digest_hour AS "digestHour" FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return row;
  }

  async savePreferences(userId: string, preferences: StoredPreferences): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_preferences (user_id, kinds, digest_hour) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (user_id) DO UPDATE SET kinds = EXCLUDED.kinds, digest_hour = EXCLUDED.digest_hour, updated_at = now()`,
      [userId, JSON.stringify(preferences.kinds), preferences.digestHour],
    );
  }

  /** The active person who acts as a reviewer profile, if any. */
  async personOfReviewer(em: EntityManager, reviewerId: string): Promise<string | null> {
    const [row]: { id: string }[] = await em.query(`SELECT id FROM users WHERE reviewer_id = $1 AND active`, [
      reviewerId,
    ]);
    return row?.id ?? null;
  }

  /** Active reviewer people whose profile is active, but for the one given: who may give a second opinion. */
  async otherReviewerPeople(em: EntityManager, exceptReviewerId: string | null): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT u.id FROM users u JOIN reviewers r ON r.id = u.reviewer_id AND r.active
       WHERE u.active AND u.joined_at IS NOT NULL AND ($1::uuid IS NULL OR u.reviewer_id <> $1::uuid)`,
      [exceptReviewerId],
    );
    return rows.map((r) => r.id);
  }

  /** Of the given ids, those that are active people. */
  async activePeople(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Held claims whose lease lapses within `withinSeconds`, whose reviewer is a person not yet told of this lease. */
  leaseExpiring(withinSeconds: number, limit: number): Promise<LeaseExpiring[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", c.id AS "claimId", c.article_id AS "articleId", c.lease_expires_at AS "leaseExpiresAt"
       FROM claims c JOIN users u ON u.reviewer_id = c.assignee_id AND u.active
       WHERE c.assignee_id IS NOT NULL AND c.status = 'unverified'
         AND c.lease_expires_at > now() AND c.lease_expires_at <= now() + make_interval(secs => $1)
         AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id
           AND n.dedupe_key = 'lease_expiring:' || c.id || ':' || (extract(epoch FROM c.lease_expires_at) * 1000)::bigint)
       ORDER BY c.lease_expires_at LIMIT $2`,
      [withinSeconds, limit],
    );
  }

  /** People with notices waiting for their digest whose digest hour has come today, and no digest since. */
  dueDigests(deskTimeZone: string, limit: number): Promise<DueDigest[]> {
    return this.dataSource.query(
      `SELECT d."userId", d.email, d.name, to_char(d.local_now, 'YYYY-MM-DD') AS day,
              (date_trunc('day', d.local_now) + make_interval(hours => d.hour)) AT TIME ZONE d.tz AS "dueAt" FROM (
         SELECT u.id AS "userId", u.email, u.name, now() AT TIME ZONE coalesce(u.time_zone, $1) AS local_now,
                coalesce(p.digest_hour, 8) AS hour, p.last_digest_at, coalesce(u.time_zone, $1) AS tz
         FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
         WHERE u.active AND EXISTS (SELECT 1 FROM notifications n
           WHERE n.user_id = u.id AND n.delivery = 'digest' AND n.digest_mail_id IS NULL)
       ) d
       WHERE date_trunc('day', d.local_now) + make_interval(hours => d.hour) <= d.local_now
         AND (d.last_digest_at IS NULL
              OR d.last_digest_at < (date_trunc('day', d.local_now) + make_interval(hours => d.hour)) AT TIME ZONE d.tz)
       LIMIT $2`,
      [deskTimeZone, limit],
    );
  }

  /** Locks the person's preferences row (made if absent) for a digest; answers false when one went out since `since`. */
  async lockForDigest(em: EntityManager, userId: string, since: Date): Promise<boolean> {
    await em.query(`INSERT INTO notification_preferences (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING`, [
      userId,
    ]);
    const [row]: { done: boolean }[] = await em.query(
      `SELECT coalesce(last_digest_at >= $2::timestamptz, false) AS done FROM notification_preferences WHERE user_id = $1 FOR UPDATE`,
      [userId, since],
    );
    return !row.done;
  }

  /** The notices waiting for a person's digest, oldest first. */
  waitingForDigest(em: EntityManager, userId: string): Promise<NotificationRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM notifications n LEFT JOIN claims c ON c.id = n.claim_id
       WHERE n.user_id = $1 AND n.delivery = 'digest' AND n.digest_mail_id IS NULL
       ORDER BY n.created_at, n.id FOR UPDATE OF n`,
      [userId],
    );
  }

  async markDigested(em: EntityManager, userId: string, ids: string[], mailId: string): Promise<void> {
    await em.query(`UPDATE notifications SET digest_mail_id = $2 WHERE id = ANY($1::uuid[])`, [ids, mailId]);
    await em.query(`UPDATE notification_preferences SET last_digest_at = now() WHERE user_id = $1`, [userId]);
  }
}
