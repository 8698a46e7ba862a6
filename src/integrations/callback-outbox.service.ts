import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterCommit } from '../database/unit-of-work';
import type { CallbackEvent } from './callback-events';
import { CallbackQueueService } from './callback-queue.service';

export interface OutboxEvent {
  type: CallbackEvent;
  data: Record<string, unknown>;
}

/** Any constant: serializes the "is the article reviewed now?" check per article (two last verdicts at once). */
const REVIEWED_CHECK_LOCK = 5_210_417;

/**
 * The outbox: delivery rows are written inside the transaction that makes the change, one per subscribed
 * endpoint of the article's owner; their jobs are queued after the commit, which only makes them go out sooner than
 * the reconciler would.
 */
@Injectable()
export class CallbackOutboxService {
  constructor(private readonly callbackQueue: CallbackQueueService) {}

  async record(em: EntityManager, articleId: string, events: OutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows: { id: string; next_attempt_at: Date }[] = await em.query(
      `INSERT INTO callback_deliveries (endpoint_id, event_type, payload, next_attempt_at)
       SELECT e.id, ev.type,
              jsonb_build_object('type', ev.type, 'timestamp', $4::text,
                'data', jsonb_build_object('articleId', a.id, 'externalId', a.external_id) || ev.data),
              now()
       FROM articles a
       JOIN callback_endpoints e ON e.owner_id = a.owner_id AND e.disabled_at IS NULL
       CROSS JOIN unnest($2::text[], $3::jsonb[]) AS ev(type, data)
       WHERE a.id = $1 AND ev.type = ANY(e.events)
       RETURNING id, next_attempt_at`,
      [articleId, events.map((e) => e.type), events.map((e) => JSON.stringify(e.data)), new Date().toISOString()],
    );
    const due = rows.map((r) => ({ id: r.id, nextAttemptAt: r.next_attempt_at }));
    if (due.length > 0) afterCommit(em, () => this.callbackQueue.enqueue(due));
  }

  /**
   * `article.reviewed` when extraction is done and no claim is left unverified. Call it last in the transaction that
   * gave the verdict: it holds a per-article lock (two last verdicts at once must not both miss it) until the commit.
   */
  async recordIfReviewed(em: EntityManager, articleId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock($1, hashtext($2::text))`, [REVIEWED_CHECK_LOCK, articleId]);
    const [article]: { reviewed: boolean; revision: number }[] = await em.query(
      `SELECT a.status = 'ready' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status = 'unverified') AS reviewed, a.revision
       FROM articles a WHERE a.id = $1`,
      [articleId],
    );
    if (!article?.reviewed) return;
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM claims WHERE article_id = $1 AND status <> 'withdrawn'`, [articleId]);
    if (total === 0) return;
    await this.record(em, articleId, [{ type: 'article.reviewed', data: { revision: article.revision, claims: total } }]);
  }
}
