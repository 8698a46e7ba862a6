import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ownerIdOf, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { refusedDestination } from './callback-destination';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { returningRows } from '../database/sql';
import type { CallbackEvent } from './callback-events';
import { CallbackQueueService } from './callback-queue.service';
import { generateWebhookSecret } from './webhook-signature';

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

/** Callback endpoints belong to the article owner that made them (an integrator, usually); admins see them all. */
@Injectable()
export class CallbackEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly callbackQueue: CallbackQueueService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The signing secret is in this answer only. */
  async create(principal: Principal, url: string, events: CallbackEvent[]): Promise<CallbackEndpoint & { secret: string }> {
    await this.refuseWhatTheWorkerWouldRefuse(url);
    const secret = generateWebhookSecret();
    const [endpoint]: CallbackEndpoint[] = await this.dataSource.query(
      `INSERT INTO callback_endpoints (owner_id, url, events, secret) VALUES ($1, $2, $3, $4) RETURNING ${ENDPOINT_COLUMNS}`,
      [ownerIdOf(principal), url, events, secret],
    );
    return { ...endpoint, secret };
  }

  list(principal: Principal): Promise<CallbackEndpoint[]> {
    const owner = this.ownerFilter(principal);
    return this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM callback_endpoints WHERE ($1::uuid IS NULL OR owner_id = $1) ORDER BY created_at DESC, id DESC`,
      [owner],
    );
  }

  /** Stops deliveries to it; what is still pending is given up. */
  async disable(principal: Principal, id: string): Promise<CallbackEndpoint> {
    await this.get(principal, id);
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

  async get(principal: Principal, id: string): Promise<CallbackEndpoint> {
    const [endpoint]: CallbackEndpoint[] = await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM callback_endpoints WHERE id = $1 AND ($2::uuid IS NULL OR owner_id = $2)`,
      [id, this.ownerFilter(principal)],
    );
    if (!endpoint) throw ApiError.notFound('Endpoint', id);
    return endpoint;
  }

  /** Newest first, each with every attempt made. */
  async deliveries(principal: Principal, endpointId: string, query: { cursor?: string; limit?: number }): Promise<Page<CallbackDelivery>> {
    await this.get(principal, endpointId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.selectDeliveries(
      `d.endpoint_id = $1 AND ($2::timestamptz IS NULL OR (d.created_at, d.id) < ($2::timestamptz, $3::uuid)) ORDER BY d.created_at DESC, d.id DESC LIMIT $4`,
      [endpointId, cursor?.[0] ?? null, cursor?.[1] ?? null, limit + 1],
    );
    const page = toPage(rows, limit, (row) => [row.cursorKey, row.id]);
    return { items: page.items.map(({ cursorKey: _, ...delivery }) => delivery), nextCursor: page.nextCursor };
  }

  /** One more attempt now, whatever became of the earlier ones; the retry schedule carries on from there. */
  async redeliver(principal: Principal, endpointId: string, deliveryId: string): Promise<CallbackDelivery> {
    const endpoint = await this.get(principal, endpointId);
    if (endpoint.disabledAt) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The endpoint is disabled; add a new one to receive callbacks again');
    const rows = await returningRows<{ id: string; next_attempt_at: Date }>(this.dataSource,
      `UPDATE callback_deliveries SET status = 'pending', next_attempt_at = now() WHERE id = $1 AND endpoint_id = $2 RETURNING id, next_attempt_at`,
      [deliveryId, endpointId],
    );
    if (!rows[0]) throw ApiError.notFound('Delivery', deliveryId);
    await this.callbackQueue.enqueue([{ id: rows[0].id, nextAttemptAt: rows[0].next_attempt_at }]);
    const [{ cursorKey: _, ...delivery }] = await this.selectDeliveries('d.id = $1', [deliveryId]);
    return delivery;
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

  /**
   * An endpoint every delivery to which would be refused is refused now, instead of failing for hours of retries.
   * A name that does not resolve yet is accepted: each delivery checks again.
   */
  private async refuseWhatTheWorkerWouldRefuse(url: string): Promise<void> {
    if (this.config.get('CALLBACK_ALLOW_PRIVATE_NETWORKS', { infer: true })) return;
    const refused = await refusedDestination(url).catch(() => null);
    if (refused) throw ApiError.validation({ url: [`${refused}: callbacks go only to public addresses (set CALLBACK_ALLOW_PRIVATE_NETWORKS=true to allow private ones)`] });
  }

  private ownerFilter(principal: Principal): string | null {
    return principal.role === 'admin' ? null : ownerIdOf(principal);
  }
}
