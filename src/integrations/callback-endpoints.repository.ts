import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../database/sql';
import type { CallbackEvent } from './callback-events';

export interface CallbackEndpoint {
  id: string;
  /** The integrator (or key, or person) whose articles' callbacks go here. */
  ownerId: string;
  url: string;
  events: CallbackEvent[];
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

const ENDPOINT_COLUMNS = `id, owner_id AS "ownerId", url, events, disabled_at AS "disabledAt", disabled_reason AS "disabledReason", created_at AS "createdAt"`;

/** `callback_endpoints`: where an owner's callbacks go, and whether they still do; `owner` null: every owner's. */
@Injectable()
export class CallbackEndpointsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    em: EntityManager,
    ownerId: string,
    url: string,
    events: CallbackEvent[],
    secret: string,
  ): Promise<CallbackEndpoint> {
    const [endpoint]: CallbackEndpoint[] = await em.query(
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

  /** A new signing secret: every delivery from now on (redeliveries too) is signed with it. */
  async replaceSecret(em: EntityManager, id: string, secret: string): Promise<void> {
    await em.query(`UPDATE callback_endpoints SET secret = $2 WHERE id = $1`, [id, secret]);
  }

  /** Disables the endpoint (unless it is already), as its owner asked. */
  async disable(em: EntityManager, id: string): Promise<CallbackEndpoint> {
    const [endpoint] = await returningRows<CallbackEndpoint>(
      em,
      `UPDATE callback_endpoints SET disabled_at = coalesce(disabled_at, now()), disabled_reason = coalesce(disabled_reason, 'disabled by its owner')
       WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [id],
    );
    return endpoint;
  }

  /** Disables the endpoint a delivery goes to, which answered 410 Gone; returns the endpoint's id. */
  async disableGone(em: EntityManager, deliveryId: string): Promise<string> {
    const [endpoint] = await returningRows<{ id: string }>(
      em,
      `UPDATE callback_endpoints e SET disabled_at = now(), disabled_reason = 'the endpoint answered 410 Gone'
       FROM callback_deliveries d WHERE d.id = $1 AND e.id = d.endpoint_id RETURNING e.id`,
      [deliveryId],
    );
    return endpoint.id;
  }
}
