import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../database/sql';

export interface NewMail {
  userId: string | null;
  to: string;
  subject: string;
  text: string;
  /** One mail per key, ever: a notice's mail, a person's digest of a day. */
  dedupeKey: string;
}

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attempts: number;
}

/** `mail_outbox`: mail written in the transaction that raised it, sent by the worker, marked sent once accepted. */
@Injectable()
export class MailOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the mail (a key already written is skipped); answers the new rows' ids by dedupe key. */
  async insert(em: EntityManager, mails: NewMail[], messageDomain: string): Promise<Map<string, string>> {
    if (mails.length === 0) return new Map();
    const rows: { id: string; dedupe_key: string }[] = await returningRows(
      em,
      `INSERT INTO mail_outbox (id, user_id, to_address, subject, body_text, dedupe_key, message_id)
       SELECT x.id, x.user_id, x.to_address, x.subject, x.body_text, x.dedupe_key, '<' || x.id || '@' || $2 || '>'
       FROM (SELECT gen_random_uuid() AS id, r.* FROM jsonb_to_recordset($1::jsonb)
             AS r(user_id uuid, to_address text, subject text, body_text text, dedupe_key text)) x
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key`,
      [
        JSON.stringify(
          mails.map((m) => ({
            user_id: m.userId,
            to_address: m.to,
            subject: m.subject,
            body_text: m.text,
            dedupe_key: m.dedupeKey,
          })),
        ),
        messageDomain,
      ],
    );
    return new Map(rows.map((r) => [r.dedupe_key, r.id]));
  }

  /**
   * Takes up to `limit` mails that are due and not held by another sender, holding them for `leaseSeconds`: a sender
   * that dies leaves them to the next one once the lease lapses. Rows another sender is claiming are skipped.
   */
  claimDue(limit: number, leaseSeconds: number): Promise<OutgoingMail[]> {
    return returningRows(
      this.dataSource,
      `UPDATE mail_outbox m SET lease_until = now() + make_interval(secs => $2), attempts = m.attempts + 1
       FROM (SELECT id FROM mail_outbox
             WHERE sent_at IS NULL AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
             ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE m.id = due.id
       RETURNING m.id, m.to_address AS "to", m.subject, m.body_text AS "text", m.message_id AS "messageId", m.attempts`,
      [limit, leaseSeconds],
    );
  }

  /** The server accepted it: sent, never again. */
  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET sent_at = now(), lease_until = NULL, last_error = NULL WHERE id = $1 AND sent_at IS NULL`,
      [id],
    );
  }

  async markFailed(id: string, error: string, retryInMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET lease_until = NULL, last_error = $2,
         next_attempt_at = now() + make_interval(secs => $3::float8 / 1000) WHERE id = $1 AND sent_at IS NULL`,
      [id, error.slice(0, 1000), retryInMs],
    );
  }
}
