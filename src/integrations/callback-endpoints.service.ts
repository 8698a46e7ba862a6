import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import { ownerIdOf, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { refusedDestination } from './callback-destination';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import type { CallbackEvent } from './callback-events';
import { CallbackEndpointsRepository, type CallbackEndpoint } from './callback-endpoints.repository';
import { CallbackOutboxRepository, type CallbackDelivery, type FailingDeliveries } from './callback-outbox.repository';
import { CallbackQueueService } from './callback-queue.service';
import { generateWebhookSecret } from './webhook-signature';

/** Callback endpoints belong to the article owner that made them (an integrator, usually); admins see them all. */
@Injectable()
export class CallbackEndpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly endpoints: CallbackEndpointsRepository,
    private readonly outbox: CallbackOutboxRepository,
    private readonly callbackQueue: CallbackQueueService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The signing secret is in this answer only; an admin may add one on an integrator's behalf (`ownerId`). */
  async create(
    principal: Principal,
    url: string,
    events: CallbackEvent[],
    ownerId = ownerIdOf(principal),
  ): Promise<CallbackEndpoint & { secret: string }> {
    await this.refuseWhatTheWorkerWouldRefuse(url);
    const secret = generateWebhookSecret();
    const endpoint = await this.dataSource.transaction(async (em) => {
      const inserted = await this.endpoints.insert(em, ownerId, url, events, secret);
      await recordAuditEvent(em, {
        action: 'endpoint.created',
        actor: principal,
        targetType: 'endpoint',
        targetId: inserted.id,
        details: { url, events },
      });
      return inserted;
    });
    return { ...endpoint, secret };
  }

  list(principal: Principal): Promise<CallbackEndpoint[]> {
    return this.endpoints.list(this.ownerFilter(principal));
  }

  /** Stops deliveries to it; what is still pending is given up. */
  async disable(principal: Principal, id: string): Promise<CallbackEndpoint> {
    await this.get(principal, id);
    return this.dataSource.transaction(async (em) => {
      const endpoint = await this.endpoints.disable(em, id);
      await this.outbox.failPendingOf(em, id, 'endpoint disabled');
      await recordAuditEvent(em, {
        action: 'endpoint.disabled',
        actor: principal,
        targetType: 'endpoint',
        targetId: id,
        details: { url: endpoint.url },
      });
      return endpoint;
    });
  }

  async get(principal: Principal, id: string): Promise<CallbackEndpoint> {
    const endpoint = await this.endpoints.find(id, this.ownerFilter(principal));
    if (!endpoint) throw ApiError.notFound('Endpoint', id);
    return endpoint;
  }

  /** The new signing secret is in this answer only; the old one stops at once (the receiver switches when it reads this). */
  async rotateSecret(principal: Principal, id: string): Promise<{ id: string; secret: string }> {
    await this.get(principal, id);
    const secret = generateWebhookSecret();
    await this.dataSource.transaction(async (em) => {
      await this.endpoints.replaceSecret(em, id, secret);
      await recordAuditEvent(em, {
        action: 'endpoint.secret_rotated',
        actor: principal,
        targetType: 'endpoint',
        targetId: id,
      });
    });
    return { id, secret };
  }

  /** Newest first, each with every attempt made. */
  async deliveries(
    principal: Principal,
    endpointId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<CallbackDelivery>> {
    await this.get(principal, endpointId);
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const rows = await this.outbox.deliveriesOf(endpointId, cursor, limit + 1);
    const page = toPage(rows, limit, (row) => [row.cursorKey, row.id]);
    return { items: page.items.map(({ cursorKey: _, ...delivery }) => delivery), nextCursor: page.nextCursor };
  }

  /** One more attempt now, whatever became of the earlier ones; the retry schedule carries on from there. */
  /** How many callbacks are failing now, across every endpoint: the admin overview shows them beside failed jobs. */
  failingDeliveries(): Promise<FailingDeliveries> {
    return this.outbox.failing();
  }

  async redeliver(principal: Principal, endpointId: string, deliveryId: string): Promise<CallbackDelivery> {
    const endpoint = await this.get(principal, endpointId);
    if (endpoint.disabledAt)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'conflict',
        'The endpoint is disabled; add a new one to receive callbacks again',
      );
    const due = await this.outbox.dueNow(endpointId, deliveryId);
    if (!due) throw ApiError.notFound('Delivery', deliveryId);
    await this.callbackQueue.enqueue([due]);
    return this.outbox.delivery(deliveryId);
  }

  /**
   * An endpoint every delivery to which would be refused is refused now, instead of failing for hours of retries.
   * A name that does not resolve yet is accepted: each delivery checks again.
   */
  private async refuseWhatTheWorkerWouldRefuse(url: string): Promise<void> {
    if (this.config.get('CALLBACK_ALLOW_PRIVATE_NETWORKS', { infer: true })) return;
    const refused = await refusedDestination(url).catch(() => null);
    if (refused)
      throw ApiError.validation({
        url: [
          `${refused}: callbacks go only to public addresses (set CALLBACK_ALLOW_PRIVATE_NETWORKS=true to allow private ones)`,
        ],
      });
  }

  private ownerFilter(principal: Principal): string | null {
    return principal.role === 'admin' ? null : ownerIdOf(principal);
  }
}
