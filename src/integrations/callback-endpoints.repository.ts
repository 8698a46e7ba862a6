import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returningRows } from '../database/sql';
import type { CallbackEvent } from './callback-events';
import type { DueDelivery } from './callback-queue.service';

export interface CallbackEndpoint {
  id: string;
  url: string;
  events: CallbackEvent[];
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
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

const ENDPOINT_COLUMNS = `id, url, events, disabled_at AS "disabledAt", disabled_reason AS "disabledReason", created_at AS "createdAt"`;

/** `callback_endpoints`, with their deliveries and attempts as their owners see them; `owner` null: every owner's. */
@Injectable()
export class CallbackEndpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(ownerId: string, url: string, events: CallbackEvent[], secret: string): Promise<CallbackEndpoint> {
    const [endpoint]: CallbackEndpoint[] = await this.dataSource.query(
      `INSERT INTO callback_endpoints (owner_id, url, events, secret) VALUES ($1, $2, $3, $4) RETURNING ${ENDPOINT_COLUMNS}`,
      [ownerId, url, events, secret],
    );
    return endpoint;
  }

  list(owner: string | null): Promise<CallbackEndpoint[]> {
    return this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM callback_endpoints WHERE ($1::uuid IS NULL OR owner_id = $1) ORDER BY created_at DESC, id DESC`,
      [owner],
    );
  }

  async find(id: string, owner: string | null): Promise<CallbackEndpoint | null> {
    const [endpoint]: CallbackEndpoint[] = await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM callback_endpoints WHERE id = $1 AND ($2::uuid IS NULL OR owner_id = $2)`,
      [id, owner],
    );
    return endpoint ?? null;
  }

  /** Disables the endpoint and gives up what is still pending to it, together. */
  disable(id: string): Promise<CallbackEndpoint> {
    return this.dataSource.transaction(async (em) => {
      const [endpoint] = await returningRows<CallbackEndpoint>(em,
        `UPDATE callback_endpoints SET disabled_at = coalesce(disabled_at, now()), disabled_reason = coalesce(disabled_reason, 'disabled by its owner')
         WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
        [id],
      );
      await em.query(`UPDATE callback_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'endpoint disabled' WHERE endpoint_id = $1 AND status = 'pending'`, [id]);
      return endpoint;
    });
  }

  /** Newest first, by keyset on (created_at, id), with one row past the page. */
  deliveriesOf(endpointId: string, after: (string | number)[] | null, limit: number): Promise<(CallbackDelivery & { cursorKey: string })[]> {
    return this.selectDeliveries(
      `d.endpoint_id = $1 AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2::timestamptz, $3::uuid)) ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [endpointId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async delivery(deliveryId: string): Promise<CallbackDelivery> {
    const [{ cursorKey: _, ...delivery }] = await this.selectDeliveries('d.id = $1', [deliveryId]);
    return delivery;
  }

  /** The delivery is due now again; null when the endpoint has no such delivery. */
  async dueNow(endpointId: string, deliveryId: string): Promise<DueDelivery | null> {
    const rows = await returningRows<{ id: string; next_attempt_at: Date }>(this.dataSource,
      `UPDATE callback_deliveries SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND endpoint_id = $2 RETURNING id, next_attempt_at`,
      [deliveryId, endpointId],
    );
    return rows[0] ? { id: rows[0].id, nextAttemptAt: rows[0].next_attempt_at } : null;
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
