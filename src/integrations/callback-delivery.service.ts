import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Dispatcher } from 'undici';
import { request } from 'undici';
import type { Environment } from '../config/environment';
import { afterCommit, inTransaction } from '../database/unit-of-work';
import { CallbackEndpointsRepository } from './callback-endpoints.repository';
import { CallbackOutboxRepository, type ClaimedDelivery } from './callback-outbox.repository';
import { CallbackQueueService } from './callback-queue.service';
import { nextRetryDelayMs, type RetryPolicy } from './retry-schedule';
import { signWebhook } from './webhook-signature';
import { callbackAgent, RefusedDestinationError } from './callback-destination';
import { clip } from '../common/text-rules';

interface AttemptOutcome {
  responseStatus: number | null;
  error: string | null;
}

/** Sends one attempt of one callback and records it; the delivery row decides whether and when there is another. */
@Injectable()
export class CallbackDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger(CallbackDeliveryService.name);
  private readonly agent: Dispatcher;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: CallbackOutboxRepository,
    private readonly endpoints: CallbackEndpointsRepository,
    private readonly callbackQueue: CallbackQueueService,
    private readonly config: ConfigService<Environment, true>,
  ) {
    this.agent = callbackAgent({
      allowPrivateNetworks: this.config.get('CALLBACK_ALLOW_PRIVATE_NETWORKS', { infer: true }),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async deliver(deliveryId: string): Promise<string> {
    // Held past the send timeout: a duplicate job skips the attempt meanwhile.
    const delivery = await this.outbox.claimAttempt(
      deliveryId,
      2 * this.config.get('CALLBACK_TIMEOUT_MS', { infer: true }),
    );
    if (!delivery) return 'not due';
    if (delivery.disabledAt) {
      await this.outbox.fail(deliveryId, 'endpoint disabled');
      return 'endpoint disabled';
    }

    const started = Date.now();
    const outcome = await this.send(delivery);
    const durationMs = Date.now() - started;
    const delivered = outcome.responseStatus !== null && outcome.responseStatus >= 200 && outcome.responseStatus < 300;
    const gone = outcome.responseStatus === 410;
    const retryInMs = delivered || gone ? null : nextRetryDelayMs(delivery.attempts, this.retryPolicy());
    const error = outcome.error ?? (delivered ? null : `HTTP ${outcome.responseStatus}`);

    const next = await inTransaction(this.dataSource, async (em) => {
      await this.outbox.recordAttempt(em, {
        deliveryId,
        attempt: delivery.attempts,
        responseStatus: outcome.responseStatus,
        error,
        durationMs,
      });
      if (gone) {
        // 410 Gone: the receiver asks us to stop, for this and every later delivery to the endpoint.
        const endpointId = await this.endpoints.disableGone(em, deliveryId);
        await this.outbox.failPendingOf(em, endpointId, 'endpoint disabled: it answered 410 Gone', deliveryId);
        return null;
      }
      const nextAttemptAt = await this.outbox.settle(em, deliveryId, delivered, retryInMs, error);
      if (nextAttemptAt) afterCommit(em, () => this.callbackQueue.enqueue([{ id: deliveryId, nextAttemptAt }]));
      return nextAttemptAt;
    });

    if (!delivered)
      this.logger.warn(
        `Callback ${deliveryId} attempt ${delivery.attempts} failed (${error}); ${next ? `retrying at ${next.toISOString()}` : 'giving up'}`,
      );
    return delivered ? 'delivered' : gone ? 'endpoint gone' : next ? 'retry scheduled' : 'given up';
  }

  /** undici's request follows no redirect: a 3xx is a failed attempt, never a hop to an address nobody checked. */
  private async send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await request(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'claimdesk-callbacks',
          ...signWebhook(delivery.secret, delivery.id, body),
        },
        body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.config.get('CALLBACK_TIMEOUT_MS', { infer: true })),
      });
      await response.body.dump();
      return { responseStatus: response.statusCode, error: null };
    } catch (error) {
      if (error instanceof RefusedDestinationError) return { responseStatus: null, error: error.message };
      const cause =
        (error as { code?: string; cause?: { code?: string } }).code ??
        (error as { cause?: { code?: string } }).cause?.code;
      return {
        responseStatus: null,
        error: clip(`${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause})` : ''}`, 500),
      };
    }
  }

  private retryPolicy(): RetryPolicy {
    return {
      baseMs: this.config.get('CALLBACK_RETRY_BASE_MS', { infer: true }),
      maxDelayMs: this.config.get('CALLBACK_MAX_DELAY_MS', { infer: true }),
      maxAttempts: this.config.get('CALLBACK_MAX_ATTEMPTS', { infer: true }),
    };
  }
}
