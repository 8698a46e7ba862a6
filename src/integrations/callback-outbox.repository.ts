import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affectedRows, returningRows } from '../database/sql';
import { publicBaseUrl } from '../claims/public-page';
import type { CallbackEvent } from './callback-events';
import type { DueDelivery } from './callback-queue.service';

export interface OutboxEvent {
  type: CallbackEvent;
  data: Record<string, unknown>;
}

/** A delivery whose attempt this worker took, with where it goes and the secret it is signed with. */
export interface ClaimedDelivery {
  id: string;
  attempts: number;
  payload: unknown;
  url: string;
  secret: string;
  disabledAt: Date | null;
}

export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryAttempt {
  attempt: number;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

export interface CallbackDelivery {
  id: string;
  endpointId: string;
  event: CallbackEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  payload: unknown;
  attemptLog: DeliveryAttempt[];
}

/** Late jobs are normal; early ones (clock skew between Redis and Postgres) by up to this much are too. */
const EARLY_TOLERANCE = '2 seconds';

export interface FailingDeliveries {
  retrying: number;
  gaveUp: number;
}

/** The outbox: `callback_deliveries` (what is owed to whom, and when it is due) and `callback_attempts` (each try). */
@Injectable()
export class CallbackOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * One delivery per event and subscribed, enabled endpoint of the article's owner, due now; `ifReviewed` adds
   * `article.reviewed` when the article is extracted, has claims (candidates aside) and none is left unverified, holding
   * a per-article lock until the commit so two last verdicts at once cannot both miss it. The SQL is the function
   * `record_article_callbacks` (its migration), which a claim's move calls too.
   */
  async insertForArticle(
    em: EntityManager,
    articleId: string,
    events: OutboxEvent[],
    timestamp: string,
    ifReviewed = false,
  ): Promise<DueDelivery[]> {
    return em.query(
      `SELECT delivery_id AS id, due_at AS "nextAttemptAt" FROM record_article_callbacks($1, $2::text[], $3::jsonb[], $4, $5, $6)`,
      [
        articleId,
        events.map((e) => e.type),
        events.map((e) => JSON.stringify(e.data)),
        timestamp,
        ifReviewed,
        publicBaseUrl(),
      ],
    );
  }

  /**
   * Takes the attempt if it is due, moving the due time `holdMs` on: a duplicate job then skips it and, should
   * this worker die mid-send, the reconciler finds it due again afterwards.
   */
  async claimAttempt(deliveryId: string, holdMs: number): Promise<ClaimedDelivery | null> {
    const rows = await returningRows<ClaimedDelivery>(
      this.dataSource,
      `UPDATE callback_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2::int / 1000.0)
       FROM callback_endpoints e
       WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '${EARLY_TOLERANCE}'
       RETURNING d.id, d.attempts, d.payload, e.url, e.secret, e.disabled_at AS "disabledAt"`,
      [deliveryId, holdMs],
    );
    return rows[0] ?? null;
  }

  async recordAttempt(em: EntityManager, attempt: AttemptRecord): Promise<void> {
    await em.query(
      `INSERT INTO callback_attempts (delivery_id, attempt, response_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5)`,
      [attempt.deliveryId, attempt.attempt, attempt.responseStatus, attempt.error, attempt.durationMs],
    );
  }

  /**
   * The attempt's outcome: delivered, failed for good (`retryInMs` null) or pending again in `retryInMs`.
   * Returns when the next attempt is due, or null when there is none.
   */
  async settle(
    em: EntityManager,
    deliveryId: string,
    delivered: boolean,
    retryInMs: number | null,
    error: string | null,
  ): Promise<Date | null> {
    const [row] = await returningRows<{ nextAttemptAt: Date | null }>(
      em,
      `UPDATE callback_deliveries SET
         status = CASE WHEN $2 THEN 'delivered' WHEN $3::int IS NULL THEN 'failed' ELSE 'pending' END,
         delivered_at = CASE WHEN $2 THEN now() END,
         next_attempt_at = CASE WHEN $2 OR $3::int IS NULL THEN NULL ELSE now() + make_interval(secs => $3::int / 1000.0) END,
         last_error = $4
       WHERE id = $1 RETURNING next_attempt_at AS "nextAttemptAt"`,
      [deliveryId, delivered, retryInMs, error],
    );
    return row.nextAttemptAt;
  }

  async fail(deliveryId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE callback_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = $2 WHERE id = $1`,
      [deliveryId, reason],
    );
  }

  /** Gives up what is pending to the endpoint (and `alsoDeliveryId`, whatever its state): its endpoint is disabled. */
  async failPendingOf(
    em: EntityManager,
    endpointId: string,
    reason: string,
    alsoDeliveryId: string | null = null,
  ): Promise<void> {
    await em.query(
      `UPDATE callback_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = $2 WHERE endpoint_id = $1 AND (status = 'pending' OR id = $3)`,
      [endpointId, reason, alsoDeliveryId],
    );
  }

  /** The delivery is due now again; null when the endpoint has no such delivery. */
  async dueNow(endpointId: string, deliveryId: string): Promise<DueDelivery | null> {
    const rows = await returningRows<DueDelivery>(
      this.dataSource,
      `UPDATE callback_deliveries SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND endpoint_id = $2 RETURNING id, next_attempt_at AS "nextAttemptAt"`,
      [deliveryId, endpointId],
    );
    return rows[0] ?? null;
  }

  /** Newest first, by keyset on (created_at, id), with one row past the page. */
  deliveriesOf(
    endpointId: string,
    after: (string | number)[] | null,
    limit: number,
  ): Promise<(CallbackDelivery & { cursorKey: string })[]> {
    return this.selectDeliveries(
      `d.endpoint_id = $1 AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2::timestamptz, $3::uuid)) ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [endpointId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async delivery(deliveryId: string): Promise<CallbackDelivery> {
    const [{ cursorKey: _, ...delivery }] = await this.selectDeliveries('d.id = $1', [deliveryId]);
    return delivery;
  }

  /** Deletes up to `limit` attempts older than `hours`; returns how many went. */
  deleteAttemptsOlderThan(hours: number, limit: number): Promise<number> {
    return affectedRows(
      this.dataSource,
      `DELETE FROM callback_attempts WHERE ctid = ANY (ARRAY(SELECT ctid FROM callback_attempts WHERE created_at < now() - make_interval(hours => $1) LIMIT $2))`,
      [hours, limit],
    );
  }

  /** Deliveries retrying after a failed attempt, and those given up (until redelivered). */
  async failing(): Promise<FailingDeliveries> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS retrying, count(*) FILTER (WHERE status = 'failed')::int AS "gaveUp"
       FROM callback_deliveries WHERE status <> 'delivered' AND (last_error IS NOT NULL OR status = 'failed')`,
    );
    return row as FailingDeliveries;
  }

  private selectDeliveries(where: string, params: unknown[]): Promise<(CallbackDelivery & { cursorKey: string })[]> {
    return this.dataSource.query(
      `SELECT d.id, d.endpoint_id AS "endpointId", d.event_type AS event, d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
              d.last_error AS "lastError", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt", d.payload,
              d.created_at::text AS "cursorKey",
              coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'responseStatus', a.response_status, 'error', a.error,
                                                            'durationMs', a.duration_ms, 'at', a.created_at) ORDER BY a.attempt)
                        FROM callback_attempts a WHERE a.delivery_id = d.id), '[]') AS "attemptLog"
       FROM callback_deliveries d WHERE ${where}`,
      params,
    );
  }
}
