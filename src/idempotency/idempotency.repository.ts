import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows } from '../database/sql';

/** A first request that has not finished in this long is taken to have died; a retry may run it again. */
const IN_FLIGHT_LIMIT = '60 seconds';
/** Answers are replayed for this long. */
const RETENTION = '24 hours';

export interface StoredKey {
  fingerprint: string;
  status: 'in_flight' | 'done';
  responseStatus: number | null;
  responseBody: unknown;
  responseLocation: string | null;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
  location: string | null;
}

/**
 * What was seen before: `idempotency_keys` (one row per owner and key, with the first answer once it is known) and
 * `webhook_receipts` (one per integrator and `webhook-id`, naming the article it brought).
 */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the key for a first run (or after it expired, or its first run died); false when another holds it. */
  async claim(owner: string, key: string, fingerprint: string): Promise<boolean> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner_id, key, fingerprint, expires_at) VALUES ($1, $2, $3, now() + interval '${RETENTION}')
       ON CONFLICT (owner_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = 'in_flight', response_status = NULL,
         response_body = NULL, response_location = NULL, started_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at < now()
          OR (idempotency_keys.status = 'in_flight' AND idempotency_keys.started_at < now() - interval '${IN_FLIGHT_LIMIT}'
              AND idempotency_keys.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1`,
      [owner, key, fingerprint],
    );
    return claimed.length > 0;
  }

  async find(owner: string, key: string): Promise<StoredKey | null> {
    const [row]: {
      fingerprint: string;
      status: StoredKey['status'];
      response_status: number | null;
      response_body: unknown;
      response_location: string | null;
    }[] = await this.dataSource.query(
      `SELECT fingerprint, status, response_status, response_body, response_location FROM idempotency_keys WHERE owner_id = $1 AND key = $2`,
      [owner, key],
    );
    return row
      ? {
          fingerprint: row.fingerprint,
          status: row.status,
          responseStatus: row.response_status,
          responseBody: row.response_body,
          responseLocation: row.response_location,
        }
      : null;
  }

  async complete(owner: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4, response_location = $5 WHERE owner_id = $1 AND key = $2`,
      [owner, key, answer.status, JSON.stringify(answer.body ?? null), answer.location],
    );
  }

  /** The article a webhook message brought, when it was received before. */
  async receivedArticle(integratorId: string, webhookId: string): Promise<string | null> {
    const [seen]: { article_id: string }[] = await this.dataSource.query(
      `SELECT article_id FROM webhook_receipts WHERE integrator_id = $1 AND webhook_id = $2`,
      [integratorId, webhookId],
    );
    return seen?.article_id ?? null;
  }

  /** In the transaction that writes the article: both are written or neither. */
  async recordReceipt(em: EntityManager, integratorId: string, webhookId: string, articleId: string): Promise<void> {
    await em.query(
      `INSERT INTO webhook_receipts (integrator_id, webhook_id, article_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [integratorId, webhookId, articleId],
    );
  }

  /** A first run that failed keeps nothing, so it may be retried. */
  async release(owner: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE owner_id = $1 AND key = $2 AND status = 'in_flight'`,
      [owner, key],
    );
  }

  /** Deletes up to `limit` keys whose replay window has ended and that were first used over `hours` ago; returns how many went. */
  deleteExpiredKeys(hours: number, limit: number): Promise<number> {
    return affectedRows(
      this.dataSource,
      `DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
         SELECT ctid FROM idempotency_keys WHERE expires_at < now() AND started_at < now() - make_interval(hours => $1) LIMIT $2))`,
      [hours, limit],
    );
  }

  /** Deletes up to `limit` receipts older than `hours`; returns how many went. */
  deleteReceiptsOlderThan(hours: number, limit: number): Promise<number> {
    return affectedRows(
      this.dataSource,
      `DELETE FROM webhook_receipts WHERE ctid = ANY (ARRAY(SELECT ctid FROM webhook_receipts WHERE created_at < now() - make_interval(hours => $1) LIMIT $2))`,
      [hours, limit],
    );
  }
}
